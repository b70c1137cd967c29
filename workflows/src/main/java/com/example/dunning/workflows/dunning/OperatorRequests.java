package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.model.AuthenticationRequired;
import com.example.dunning.workflows.model.DunningCarryOver;
import java.time.Instant;

/**
 * What signals have asked of the dunning and its main method has yet to act on. The first
 * resolution wins: once paid or cancelled, later resolutions change nothing.
 */
final class OperatorRequests {

  private MarkPaid paid;
  private CancelDunning cancelled;
  private Instant pausedUntil;
  private String retryRequestedBy;
  private AuthenticationRequired authenticationNotice;
  private int lastAuthenticationNoticeAttempt;
  private CheckProvider providerCheck;

  OperatorRequests() {}

  /** The requests a previous run of the dunning left open. */
  OperatorRequests(DunningCarryOver carried) {
    pausedUntil = carried.pausedUntil();
    retryRequestedBy = carried.retryRequestedBy();
    authenticationNotice = carried.authenticationNotice();
    lastAuthenticationNoticeAttempt = carried.lastAuthenticationNoticeAttempt();
  }

  boolean isResolved() {
    return paid != null || cancelled != null;
  }

  /** Something for the main method to do before the next step is due. */
  boolean isPending() {
    return isResolved()
        || pausedUntil != null
        || retryRequestedBy != null
        || authenticationNotice != null
        || providerCheck != null;
  }

  void markPaid(MarkPaid command) {
    if (!isResolved()) {
      paid = command;
    }
  }

  void cancel(CancelDunning command) {
    if (!isResolved()) {
      cancelled = command;
    }
  }

  MarkPaid paid() {
    return paid;
  }

  CancelDunning cancelled() {
    return cancelled;
  }

  /**
   * @param until null for "until resumed"
   */
  void pause(Instant until) {
    pausedUntil = until == null ? Instant.MAX : until;
  }

  /**
   * @return whether the dunning was paused
   */
  boolean resume() {
    boolean wasPaused = pausedUntil != null;
    pausedUntil = null;
    return wasPaused;
  }

  boolean isPaused() {
    return pausedUntil != null;
  }

  /** {@link Instant#MAX} for "until resumed"; null when not paused. */
  Instant pausedUntil() {
    return pausedUntil;
  }

  void retry(String by) {
    retryRequestedBy = by;
  }

  /** Who asked for a charge now, or null; asking clears the request. */
  String takeRetryRequest() {
    String by = retryRequestedBy;
    retryRequestedBy = null;
    return by;
  }

  // Read to carry the open requests over to the dunning's next run.

  String retryRequestedBy() {
    return retryRequestedBy;
  }

  AuthenticationRequired authenticationNotice() {
    return authenticationNotice;
  }

  int lastAuthenticationNoticeAttempt() {
    return lastAuthenticationNoticeAttempt;
  }

  /** Keeps the notice unless one was asked for this attempt already. */
  void authenticationRequired(AuthenticationRequired event) {
    if (event.attemptCount() > lastAuthenticationNoticeAttempt) {
      lastAuthenticationNoticeAttempt = event.attemptCount();
      authenticationNotice = event;
    }
  }

  /** The authentication notice to send, or null; taking it clears it. */
  AuthenticationRequired takeAuthenticationNotice() {
    AuthenticationRequired notice = authenticationNotice;
    authenticationNotice = null;
    return notice;
  }

  void checkProvider(CheckProvider command) {
    providerCheck = command;
  }

  boolean hasProviderCheck() {
    return providerCheck != null;
  }

  /** The request to ask the provider now, or null; taking it clears it. */
  CheckProvider takeProviderCheck() {
    CheckProvider check = providerCheck;
    providerCheck = null;
    return check;
  }
}
