package com.example.dunning.workflows.dunning;

import static com.example.dunning.workflows.model.DunningStatus.ACTIVE;
import static com.example.dunning.workflows.model.DunningStatus.EXPIRED;
import static com.example.dunning.workflows.model.DunningStatus.PAUSED;

import com.example.dunning.workflows.model.AuthenticationRequired;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.DunningCarryOver;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.FailureNotes;
import com.example.dunning.workflows.model.HardDeclines;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentAttempt;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningSettings;
import java.time.Duration;
import java.time.Instant;

/**
 * Where one dunning stands and what signals have asked of it: the workflow's one state. The signal
 * handlers only note here what came in; the main method acts on it. The {@code state} query and the
 * continue-as-new carry-over are read from it. The first resolution wins: once paid or cancelled,
 * later resolutions change nothing.
 */
final class DunningCase {

  private static final int CARRIED_LOG_ENTRIES = 100;

  private final String dunningId;
  private final DunningRequest request;
  private final DunningJournal journal;

  private DunningStatus status = ACTIVE;
  private DunningSettings settings;
  private PaymentDetails payment;
  private int attemptCount;
  private int stepIndex;
  private String nextStep;
  private Instant nextStepAt;
  private boolean retriesBlocked;
  private DunningResult result;

  /** Charges of this run that did not pay: what an operator's retry-now waits for. */
  private int declinedCharges;

  private MarkPaid paid;
  private CancelDunning cancelled;

  /** Null when not paused; {@link Instant#MAX} for "until resumed". */
  private Instant pausedUntil;

  /** While the main method holds the dunning for a pause: the time that was left to the step. */
  private Duration held;

  private String retryRequestedBy;
  private AuthenticationRequired authenticationNotice;
  private int lastAuthenticationNoticeAttempt;
  private CheckProvider providerCheck;

  private DunningCase(String dunningId, DunningRequest request, DunningJournal journal) {
    this.dunningId = dunningId;
    this.request = request;
    this.journal = journal;
  }

  /** A new dunning, or where the previous run left it when it continued as new. */
  static DunningCase of(String dunningId, DunningRequest request) {
    DunningCarryOver carried = request.carryOver();
    DunningCase dunning =
        new DunningCase(dunningId, request, new DunningJournal(dunningId, carried));
    if (carried == null) {
      dunning.attemptCount = request.attemptCount();
      return dunning;
    }
    dunning.settings = carried.settings();
    dunning.payment = carried.payment();
    dunning.stepIndex = carried.stepIndex();
    dunning.nextStep = carried.nextStep();
    dunning.nextStepAt = carried.nextStepAt();
    dunning.attemptCount = carried.attemptCount();
    dunning.retriesBlocked = carried.retriesBlocked();
    dunning.pausedUntil = carried.pausedUntil();
    dunning.retryRequestedBy = carried.retryRequestedBy();
    dunning.authenticationNotice = carried.authenticationNotice();
    dunning.lastAuthenticationNoticeAttempt = carried.lastAuthenticationNoticeAttempt();
    return dunning;
  }

  // --- what signals note: state changes only ---

  /** A failed attempt the provider reported; a repeated, older or late one changes nothing. */
  void paymentFailed(PaymentFailed event, Instant now) {
    if (result != null || event.attemptCount() <= attemptCount) {
      return;
    }
    attemptCount = event.attemptCount();
    if (HardDeclines.isHard(event.declineCode())) {
      retriesBlocked = true;
    }
    Instant at = event.at() == null ? now : event.at();
    String paymentIntent = payment == null ? null : payment.paymentIntentId();
    String reason = FailureNotes.reason(event.failureCode(), event.declineCode());
    String note = FailureNotes.of(attemptCount, event.failureCode(), event.declineCode());
    journal.addUnrecorded(
        LogEntry.failure(at, LogTitle.PAYMENT_FAILED, note, null),
        null,
        new PaymentAttempt(
            attemptCount,
            false,
            paymentIntent,
            reason,
            request.amountDue(),
            request.currency(),
            at));
  }

  /** Also a late payment in the restore window after expiry. */
  void markPaid(MarkPaid command) {
    if (result == null && !isResolved()) {
      paid = command;
    }
  }

  void cancel(CancelDunning command) {
    if (result == null && !isResolved()) {
      cancelled = command;
    }
  }

  void pause(PauseDunning command, Instant now) {
    if (!isRunning()) {
      return;
    }
    pausedUntil = command.until() == null ? Instant.MAX : command.until();
    String until = command.until() == null ? " until resumed" : " until " + command.until();
    journal.addUnrecorded(
        LogEntry.of(now, LogTitle.PAUSED, "by " + Notes.who(command.by()) + until), PAUSED, null);
  }

  void resume(ResumeDunning command, Instant now) {
    if (result != null || pausedUntil == null) {
      return;
    }
    pausedUntil = null;
    journal.addUnrecorded(
        LogEntry.of(now, LogTitle.RESUMED, "by " + Notes.who(command.by())), ACTIVE, null);
  }

  void retryNow(RetryNow command) {
    if (isRunning()) {
      retryRequestedBy = Notes.who(command.by());
    }
  }

  /** A new payment method: a hard decline of the old one no longer blocks, and it is charged. */
  void paymentMethodUpdated(PaymentMethodUpdated event, Instant now) {
    if (!isRunning()) {
      return;
    }
    retriesBlocked = false;
    retryRequestedBy = "payment method update";
    journal.addUnrecorded(
        new LogEntry(
            now,
            LogTitle.PAYMENT_METHOD_UPDATED,
            "by " + Notes.who(event.by()),
            EntryStatus.SUCCESS,
            null,
            event.paymentMethodId()),
        null,
        null);
  }

  /** Keeps the notice unless one was asked for this attempt already. */
  void authenticationRequired(AuthenticationRequired event) {
    if (isRunning() && event.attemptCount() > lastAuthenticationNoticeAttempt) {
      lastAuthenticationNoticeAttempt = event.attemptCount();
      authenticationNotice = event;
    }
  }

  /** Not when ended, past its steps, or not opened yet (opening asks the provider anyway). */
  boolean takesProviderChecks() {
    return isRunning() && payment != null;
  }

  void checkProvider(CheckProvider command) {
    providerCheck = command;
  }

  /** Neither closed nor expired: pauses, retries and notices still apply. */
  private boolean isRunning() {
    return result == null && status != EXPIRED;
  }

  // --- what the main method acts on ---

  boolean isResolved() {
    return result != null || paid != null || cancelled != null;
  }

  /** Paid or cancelled by a signal, whether or not the main method has closed the dunning yet. */
  boolean hasResolution() {
    return paid != null || cancelled != null;
  }

  /**
   * What ends the one wait before its time: always a resolution or a provider check; while the main
   * method holds for a pause, the pause's end and events to record; before a step, a pause, a
   * manual retry, an authentication notice and events to record; before a notice, a pause.
   */
  boolean hasNews(boolean beforeStep) {
    if (isResolved() || providerCheck != null) {
      return true;
    }
    if (held != null) {
      return !isPaused() || journal.hasUnrecorded();
    }
    return isPaused()
        || beforeStep
            && (retryRequestedBy != null
                || authenticationNotice != null
                || journal.hasUnrecorded());
  }

  boolean isPaused() {
    return pausedUntil != null;
  }

  Instant pausedUntil() {
    return pausedUntil;
  }

  /** The pause's end has come. */
  void resumeByItself(Instant now) {
    pausedUntil = null;
    journal.addUnrecorded(LogEntry.of(now, LogTitle.RESUMED, "pause ended"), ACTIVE, null);
  }

  /**
   * The grace is over: no step is left, and a pause asked for meanwhile holds nothing any more.
   *
   * @param step the step that expired the package
   */
  void expired(String step, Instant now) {
    journal.add(LogEntry.of(now, LogTitle.PACKAGE_EXPIRED, "end of grace, step " + step));
    pausedUntil = null;
    noNextStep();
  }

  /** A late payment gave the package back. */
  void restored(Instant now) {
    journal.add(LogEntry.of(now, LogTitle.PACKAGE_RESTORED, "paid after expiry"));
  }

  /** Who asked for a charge now, or null; taking it clears it. */
  String takeRetryRequest() {
    String by = retryRequestedBy;
    retryRequestedBy = null;
    return by;
  }

  /** The authentication notice to send, or null; taking it clears it. */
  AuthenticationRequired takeAuthenticationNotice() {
    AuthenticationRequired notice = authenticationNotice;
    authenticationNotice = null;
    return notice;
  }

  /** Whether the reconciliation asked for a provider check; taking it clears it. */
  boolean takeProviderCheck() {
    boolean asked = providerCheck != null;
    providerCheck = null;
    return asked;
  }

  MarkPaid paid() {
    return paid;
  }

  CancelDunning cancelled() {
    return cancelled;
  }

  // --- what the main method changes ---

  /** Recorded with its settings: the log starts with the failure that opened it. */
  void opened(DunningSettings opened) {
    settings = opened;
    String note =
        FailureNotes.of(payment.attemptCount(), payment.failureCode(), payment.declineCode());
    journal.add(
        LogEntry.failure(
            request.failedAt(), LogTitle.PAYMENT_FAILED, note, payment.paymentMethodId()));
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

  /** A charge the dunning made, for the step or the request {@code why}. */
  void charged(ChargeResult charge, String why, Instant now) {
    attemptCount++;
    if (charge.paid()) {
      return;
    }
    declinedCharges++;
    if (charge.hardDecline()) {
      retriesBlocked = true;
    }
    String note = DunningRules.declinedChargeNote(why, charge);
    journal.add(LogEntry.failure(now, LogTitle.RETRY_FAILED, note, payment.paymentMethodId()));
  }

  void nextStep(int index, String name, Instant at) {
    stepIndex = index;
    nextStep = name;
    nextStepAt = at;
  }

  /** The main method holds the dunning for a pause: the clock to the next step stops. */
  void stopClock(Instant now) {
    held = DunningRules.timeLeft(nextStepAt, now);
  }

  /** The hold is over: the next step is due in the time it had left when the pause began. */
  void restartClock(Instant now) {
    if (nextStepAt != null) {
      nextStepAt = now.plus(held);
    }
    held = null;
  }

  boolean isHolding() {
    return held != null;
  }

  /** When the awaited step is due: while held, as if the pause ended now. */
  Instant dueAt(Instant now) {
    return held == null ? nextStepAt : now.plus(held);
  }

  private void noNextStep() {
    nextStep = null;
    nextStepAt = null;
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

  /**
   * The dunning has ended: no step is next any more, and no pause holds it.
   *
   * @param title the closing log entry's; null for none
   * @return the closing log entry, or null
   */
  LogEntry closed(DunningResult closed, LogTitle title) {
    result = closed;
    held = null;
    noNextStep();
    LogEntry entry = title == null ? null : LogEntry.of(closed.endedAt(), title, closed.reason());
    if (entry != null) {
      journal.add(entry);
    }
    return entry;
  }

  // --- reads ---

  String dunningId() {
    return dunningId;
  }

  DunningRequest request() {
    return request;
  }

  DunningJournal journal() {
    return journal;
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

  int stepIndex() {
    return stepIndex;
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

  /** Whether the dunning may charge now, by {@link DunningRules#mayRetry}. */
  boolean mayRetry() {
    return DunningRules.mayRetry(settings, retriesBlocked, payment);
  }

  /**
   * When a notice may go out, by the customer's quiet hours: {@code now} when they do not apply.
   */
  Instant quietHoursEnd(Instant now) {
    return now.plus(DunningRules.untilQuietHoursEnd(settings, payment, now));
  }

  /** What the Temporal UI shows as the dunning's current details. */
  String details() {
    return nextStep == null
        ? status.name()
        : "%s: next step %s at %s (attempt %s)"
            .formatted(status, nextStep, nextStepAt, attemptCount);
  }

  DunningState state() {
    return new DunningState(
        dunningId,
        DunningRules.reportedStatus(status, result != null, isPaused()),
        settings == null ? null : settings.policy().version(),
        attemptCount,
        nextStep,
        nextStepAt,
        pausedUntil,
        retriesBlocked,
        payment,
        result,
        journal.entries());
  }

  /** What the next run needs to go on waiting for the current step. */
  DunningCarryOver carryOver(Instant now) {
    return new DunningCarryOver(
        settings,
        payment,
        stepIndex,
        nextStep,
        dueAt(now),
        attemptCount,
        retriesBlocked,
        pausedUntil,
        retryRequestedBy,
        authenticationNotice,
        lastAuthenticationNoticeAttempt,
        journal.sequence(),
        journal.latest(CARRIED_LOG_ENTRIES),
        journal.unrecorded());
  }
}
