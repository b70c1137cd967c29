package com.example.dunning.workflows.dunning;

import static com.example.dunning.workflows.model.DunningStatus.ACTIVE;
import static com.example.dunning.workflows.model.DunningStatus.PAUSED;

import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.DunningCarryOver;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.HardDeclines;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningSettings;
import java.time.Instant;

/**
 * Where the dunning stands: its status, the provider's last answer, the charge attempts, the step
 * it waits for and, once closed, its result. The main method and the signal handlers both change
 * it; the {@code state} query reads it.
 */
final class DunningProgress {

  private static final int CARRIED_LOG_ENTRIES = 100;

  private DunningStatus status = ACTIVE;
  private DunningSettings settings;
  private PaymentDetails payment;
  private int attemptCount;
  private String nextStep;
  private Instant nextStepAt;
  private boolean retriesBlocked;
  private DunningResult result;

  /** Charges of this run that did not pay: what an operator's retry-now waits for. */
  private int declinedCharges;

  /** A new dunning, with the attempts the failure reported. */
  DunningProgress(int attemptCount) {
    this.attemptCount = attemptCount;
  }

  /** Where the previous run left the dunning. */
  DunningProgress(DunningCarryOver carried) {
    this.settings = carried.settings();
    this.payment = carried.payment();
    this.nextStep = carried.nextStep();
    this.nextStepAt = carried.nextStepAt();
    this.attemptCount = carried.attemptCount();
    this.retriesBlocked = carried.retriesBlocked();
  }

  /** The provider's answer; its attempts count when they are more than the dunning knows of. */
  void paymentAsked(PaymentDetails answer) {
    payment = answer;
    if (answer != null) {
      attemptCount = Math.max(attemptCount, answer.attemptCount());
    }
  }

  /** The provider's answer before a step, whose hard decline blocks further charges. */
  void paymentRefreshed(PaymentDetails answer) {
    paymentAsked(answer);
    if (HardDeclines.isHard(answer.declineCode())) {
      retriesBlocked = true;
    }
  }

  void opened(DunningSettings opened) {
    settings = opened;
  }

  /** A charge the dunning made. */
  void charged(ChargeResult charge) {
    attemptCount++;
    if (charge.paid()) {
      return;
    }
    declinedCharges++;
    if (charge.hardDecline()) {
      retriesBlocked = true;
    }
  }

  /**
   * A failed attempt the provider reported.
   *
   * @return false for a repeated delivery, one that arrived after a newer one, or after the end
   */
  boolean failedAgain(int attempt, String declineCode) {
    if (result != null || attempt <= attemptCount) {
      return false;
    }
    attemptCount = attempt;
    if (HardDeclines.isHard(declineCode)) {
      retriesBlocked = true;
    }
    return true;
  }

  /** The customer gave a new payment method: a hard decline of the old one no longer blocks. */
  void paymentMethodUpdated() {
    retriesBlocked = false;
  }

  void nextStep(String name, Instant at) {
    nextStep = name;
    nextStepAt = at;
  }

  /** The step waited for is due at another time (a pause held it). */
  void nextStepAt(Instant at) {
    nextStepAt = at;
  }

  void noNextStep() {
    nextStep(null, null);
  }

  /**
   * @return whether the status changed
   */
  boolean status(DunningStatus newStatus) {
    if (status == newStatus) {
      return false;
    }
    status = newStatus;
    return true;
  }

  void closed(DunningResult closed) {
    result = closed;
  }

  DunningStatus status() {
    return status;
  }

  DunningSettings settings() {
    return settings;
  }

  PaymentDetails payment() {
    return payment;
  }

  int attemptCount() {
    return attemptCount;
  }

  String nextStep() {
    return nextStep;
  }

  Instant nextStepAt() {
    return nextStepAt;
  }

  boolean retriesBlocked() {
    return retriesBlocked;
  }

  DunningResult result() {
    return result;
  }

  int declinedCharges() {
    return declinedCharges;
  }

  boolean isClosed() {
    return result != null;
  }

  /** The main method has closed the dunning: its outcome is set and recorded. */
  boolean hasEnded() {
    return result != null && status == result.outcome();
  }

  /** What the Temporal UI shows as the dunning's current details. */
  String details() {
    return Notes.details(status, nextStep, nextStepAt, attemptCount);
  }

  DunningState state(String dunningId, OperatorRequests requests, DunningJournal journal) {
    return new DunningState(
        dunningId,
        reportedStatus(requests),
        settings == null ? null : settings.policy().version(),
        attemptCount,
        nextStep,
        nextStepAt,
        requests.pausedUntil(),
        retriesBlocked,
        payment,
        result,
        journal.entries());
  }

  /**
   * PAUSED as soon as a pause is accepted, ACTIVE as soon as a resume is, although the main method
   * changes {@code status} only when it next acts on them: no step starts meanwhile.
   */
  private DunningStatus reportedStatus(OperatorRequests requests) {
    if (result == null && (status == ACTIVE || status == PAUSED)) {
      return requests.isPaused() ? PAUSED : ACTIVE;
    }
    return status;
  }

  /** What the next run needs to go on waiting for step {@code stepIndex}, due at {@code dueAt}. */
  DunningCarryOver carryOver(
      int stepIndex, Instant dueAt, OperatorRequests requests, DunningJournal journal) {
    return new DunningCarryOver(
        settings,
        payment,
        stepIndex,
        nextStep,
        dueAt,
        attemptCount,
        retriesBlocked,
        requests.pausedUntil(),
        requests.retryRequestedBy(),
        requests.authenticationNotice(),
        requests.lastAuthenticationNoticeAttempt(),
        journal.sequence(),
        journal.latest(CARRIED_LOG_ENTRIES),
        journal.unrecorded());
  }
}
