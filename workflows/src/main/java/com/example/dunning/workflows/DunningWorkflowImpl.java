package com.example.dunning.workflows;

import static com.example.dunning.workflows.model.DunningStatus.ACTIVE;
import static com.example.dunning.workflows.model.DunningStatus.CANCELLED;
import static com.example.dunning.workflows.model.DunningStatus.EXPIRED;
import static com.example.dunning.workflows.model.DunningStatus.PAUSED;
import static com.example.dunning.workflows.model.DunningStatus.RECOVERED;

import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.activities.DunningRecordActivities.CloseDunning;
import com.example.dunning.workflows.activities.DunningRecordActivities.OpenDunning;
import com.example.dunning.workflows.activities.PackageActivities;
import com.example.dunning.workflows.activities.PackageActivities.PackageChange;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.activities.PaymentActivities.ChargeRequest;
import com.example.dunning.workflows.commands.AuthenticationRequired;
import com.example.dunning.workflows.commands.CancelDunning;
import com.example.dunning.workflows.commands.CheckProvider;
import com.example.dunning.workflows.commands.MarkPaid;
import com.example.dunning.workflows.commands.PauseDunning;
import com.example.dunning.workflows.commands.PaymentFailed;
import com.example.dunning.workflows.commands.PaymentMethodUpdated;
import com.example.dunning.workflows.commands.ResumeDunning;
import com.example.dunning.workflows.commands.RetryNow;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.DunningCarryOver;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningState;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.HardDeclines;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningSettings;
import com.example.dunning.workflows.policy.DunningStep;
import com.example.dunning.workflows.policy.NoticeKind;
import com.example.dunning.workflows.policy.StepAction;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Runs the steps of the dunning policy one after another. Signals only change state; the main
 * method decides what happens, so every decision is in the history in the order it was made.
 */
public class DunningWorkflowImpl implements DunningWorkflow {

  /**
   * Well below Temporal's warning at 10,240 events; a whole dunning without signals stays under.
   */
  static final int HISTORY_LIMIT = 2_000;

  private static final int CARRIED_LOG_ENTRIES = 100;

  /** The checkProvider signal; dunnings that received it before it was acted on replay as ran. */
  static final String PROVIDER_CHECK_CHANGE = "provider-check-signal";

  /** Events recorded by one call: a burst of signals costs one call per this many. */
  private static final int RECORDED_PER_CALL = 50;

  /**
   * The change that made a dunning cheaper on Temporal Cloud: local activities (see {@link
   * DunningActivityStubs}) and no upsert of search attributes the start already set.
   */
  static final String FEWER_ACTIONS = "fewer-actions";

  static final int FEWER_ACTIONS_VERSION = 1;

  private final PaymentActivities payments;
  private final PackageActivities packages;
  private final DunningRecordActivities records;

  private final String dunningId;
  private final DunningRequest request;
  private final DunningJournal journal;
  private final StatusAttributes attributes;
  private final boolean fewerActions;
  private final CustomerNotices notices;
  private final ProviderInvoice provider;

  private DunningStatus status = ACTIVE;
  private DunningSettings settings;
  private PaymentDetails payment;
  private int attemptCount;
  private String nextStep;
  private Instant nextStepAt;
  private boolean retriesBlocked;
  private DunningResult result;

  private final OperatorRequests requests;
  private int stepIndex;

  /** Charges of this run that did not pay: what an operator's retry-now waits for. */
  private int declinedCharges;

  @WorkflowInit
  public DunningWorkflowImpl(DunningRequest request) {
    this.request = request;
    this.dunningId = Workflow.getInfo().getWorkflowId();
    int version =
        Workflow.getVersion(FEWER_ACTIONS, Workflow.DEFAULT_VERSION, FEWER_ACTIONS_VERSION);
    DunningActivityStubs stubs = DunningActivityStubs.of(version);
    this.payments = stubs.payments();
    this.packages = stubs.packages();
    this.records = stubs.records();
    this.fewerActions = version >= FEWER_ACTIONS_VERSION;
    this.attributes = new StatusAttributes(fewerActions);
    DunningCarryOver carried = request.carryOver();
    if (carried == null) {
      this.journal = new DunningJournal(dunningId);
      this.requests = new OperatorRequests();
      this.attemptCount = request.attemptCount();
    } else {
      this.journal =
          new DunningJournal(
              dunningId, carried.journalSequence(), carried.log(), carried.unrecorded());
      this.requests = new OperatorRequests(carried);
      this.settings = carried.settings();
      this.payment = carried.payment();
      this.stepIndex = carried.stepIndex();
      this.nextStep = carried.nextStep();
      this.nextStepAt = carried.nextStepAt();
      this.attemptCount = carried.attemptCount();
      this.retriesBlocked = carried.retriesBlocked();
    }
    this.notices = new CustomerNotices(dunningId, journal, stubs.notifications());
    this.provider = new ProviderInvoice(payments, request);
  }

  @Override
  public DunningResult run(DunningRequest ignored) {
    boolean continued = request.carryOver() != null;
    if (!continued) {
      DunningResult ended = open();
      if (ended != null) {
        return ended;
      }
    }
    List<DunningStep> steps = settings.policy().steps();
    for (; stepIndex < steps.size(); stepIndex++) {
      DunningStep step = steps.get(stepIndex);
      if (continued) {
        continued = false; // the carried-over step keeps the time it was due
      } else {
        nextStep = step.name();
        nextStepAt = now().plus(step.delay());
      }
      describe();
      if (!awaitStep()) {
        return resolution();
      }
      DunningResult ended = runStep(step);
      if (ended != null) {
        return ended;
      }
    }
    return close(
        EXPIRED, "the policy " + settings.policy().version() + " ran out of steps", "ENDED");
  }

  /** Asks the provider and records the dunning; a result when it ends right there. */
  private DunningResult open() {
    payment = provider.ask();
    if (payment == null) {
      return unknownAtProvider();
    }
    attemptCount = Math.max(attemptCount, payment.attemptCount());
    settings = records.openDunning(new OpenDunning(dunningId, request, payment));
    journal.add(
        new LogEntry(
            request.failedAt(),
            "PAYMENT FAILED",
            Notes.failure(payment),
            "FAILED",
            null,
            payment.paymentMethodId()));
    attributes.opened(payment);
    return payment.status().isSettled() ? settledAtProvider() : null;
  }

  /** Waits until the step is due, serving pauses, manual retries and notices meanwhile. */
  private boolean awaitStep() {
    while (true) {
      recordSignalledEvents(nextStepAt);
      if (isResolved()) {
        return false;
      }
      if (requests.hasProviderCheck()) {
        if (answerProviderCheck()) {
          return false;
        }
        continue;
      }
      if (requests.isPaused()) {
        waitWhilePaused(true);
        continue;
      }
      String retryBy = requests.takeRetryRequest();
      if (retryBy != null) {
        chargeNow("retry requested by " + retryBy);
        continue;
      }
      AuthenticationRequired authentication = requests.takeAuthenticationNotice();
      if (authentication != null) {
        sendAuthenticationNotice(authentication);
        continue;
      }
      Duration left = Duration.between(now(), nextStepAt);
      if (left.isNegative() || left.isZero()) {
        return true;
      }
      Workflow.await(left, this::hasSomethingToDo);
    }
  }

  private DunningResult runStep(DunningStep step) {
    if (!refreshPayment()) {
      return unknownAtProvider();
    }
    if (payment.status().isSettled()) {
      return settledAtProvider();
    }
    if (step.does(StepAction.RETRY_CHARGE) && mayRetry() && chargeNow("step " + step.name())) {
      return resolution();
    }
    if (step.does(StepAction.EXPIRE_PACKAGE)) {
      return expire(step);
    }
    if (!awaitSendWindow()) {
      return resolution();
    }
    notices.send(step, noticeFor(step), payment);
    return null;
  }

  private boolean mayRetry() {
    return !settings.providerRetries() && !retriesBlocked && !payment.requiresAuthentication();
  }

  /** Charges once; true when the charge paid the invoice, which then ends the dunning. */
  private boolean chargeNow(String why) {
    ChargeResult charge =
        payments.retryCharge(
            new ChargeRequest(
                dunningId, request.provider(), request.invoiceId(), journal.nextKey("charge")));
    attemptCount++;
    if (charge.paid()) {
      notices.email(NoticeKind.RECOVERED, "recovered", payment);
      close(RECOVERED, "recovered by a charge retried by the dunning (" + why + ")", "PAID");
      return true;
    }
    declinedCharges++;
    if (charge.hardDecline()) {
      retriesBlocked = true;
    }
    String reason = charge.failureCode() == null ? charge.message() : charge.failureCode();
    String note = why + Notes.optional(": ", reason) + Notes.optional(" / ", charge.declineCode());
    journal.add(
        new LogEntry(now(), "RETRY FAILED", note, "FAILED", null, payment.paymentMethodId()));
    return false;
  }

  private DunningResult expire(DunningStep step) {
    packages.expirePackage(
        new PackageChange(dunningId, payment, step.does(StepAction.CANCEL_SUBSCRIPTION)));
    journal.add(LogEntry.of(now(), "PACKAGE EXPIRED", "end of grace, step " + step.name()));
    setStatus(EXPIRED);
    requests.resume(); // the grace is over: a pause asked for meanwhile holds nothing any more
    nextStep = null;
    nextStepAt = null;
    if (awaitSendWindow()) {
      notices.send(step, NoticeKind.EXPIRED, payment);
    }
    describe();
    // A payment that comes late still gives the package back, within the restore window.
    Workflow.await(settings.policy().restoreWindow(), requests::isResolved);
    recordSignalledEvents();
    if (requests.paid() != null) {
      packages.restorePackage(new PackageChange(dunningId, payment, false));
      journal.add(LogEntry.of(now(), "PACKAGE RESTORED", "paid after expiry"));
      DunningResult recovered =
          close(
              RECOVERED,
              "paid after expiry (" + Notes.who(requests.paid().by()) + "); package restored",
              "PAID");
      notices.email(NoticeKind.RECOVERED, "restored", payment);
      return recovered;
    }
    return close(EXPIRED, "not paid within the grace period; package expired", null);
  }

  private DunningResult resolution() {
    if (result != null) {
      return result;
    }
    MarkPaid paid = requests.paid();
    if (paid != null) {
      return close(
          RECOVERED,
          "marked paid by " + Notes.who(paid.by()) + Notes.optional(": ", paid.note()),
          "PAID");
    }
    CancelDunning cancelled = requests.cancelled();
    return close(
        CANCELLED,
        "cancelled by " + Notes.who(cancelled.by()) + Notes.optional(": ", cancelled.reason()),
        "CANCELLED");
  }

  private DunningResult settledAtProvider() {
    InvoiceStatus invoice = payment.status();
    DunningStatus outcome = invoice == InvoiceStatus.PAID ? RECOVERED : CANCELLED;
    String title = invoice == InvoiceStatus.PAID ? "PAID" : "CANCELLED";
    return close(outcome, "invoice " + invoice.name().toLowerCase() + " at the provider", title);
  }

  private DunningResult close(DunningStatus outcome, String reason, String title) {
    recordSignalledEvents();
    result = new DunningResult(outcome, reason, now(), attemptCount);
    LogEntry entry = title == null ? null : LogEntry.of(now(), title, reason);
    if (entry != null) {
      journal.add(entry);
    }
    records.closeDunning(new CloseDunning(dunningId, result, entry));
    nextStep = null;
    nextStepAt = null;
    setStatus(outcome);
    describe();
    // An operator's update waiting for this end answers before the workflow completes. Adds no
    // command, so histories without updates replay unchanged.
    Workflow.await(Workflow::isEveryHandlerFinished);
    return result;
  }

  /**
   * @param beforeStep nothing of the next step has run yet, so the dunning may continue as new
   */
  private void waitWhilePaused(boolean beforeStep) {
    Duration remaining = nextStepAt == null ? Duration.ZERO : Duration.between(now(), nextStepAt);
    setStatus(PAUSED);
    while (requests.isPaused() && !isResolved()) {
      Instant until = requests.pausedUntil();
      if (until.equals(Instant.MAX)) {
        Workflow.await(
            () ->
                !requests.isPaused()
                    || isResolved()
                    || journal.hasUnrecorded()
                    || requests.hasProviderCheck());
      } else {
        Duration left = Duration.between(now(), until);
        if (left.isNegative() || left.isZero()) {
          requests.resume();
          journal.addUnrecorded(LogEntry.of(now(), "RESUMED", "pause ended"), ACTIVE, null);
        } else {
          Workflow.await(
              left,
              () ->
                  !requests.isPaused()
                      || isResolved()
                      || journal.hasUnrecorded()
                      || requests.hasProviderCheck());
        }
      }
      if (requests.hasProviderCheck() && answerProviderCheck()) {
        return; // ended: close() has set the status
      }
      if (beforeStep) {
        recordSignalledEvents(now().plus(remaining.isNegative() ? Duration.ZERO : remaining));
      } else {
        recordSignalledEvents();
      }
    }
    if (nextStepAt != null) {
      nextStepAt = now().plus(remaining.isNegative() ? Duration.ZERO : remaining);
    }
    setStatus(ACTIVE);
    describe();
  }

  /**
   * Holds customer-facing sends while the dunning is paused and until the customer's quiet hours
   * are over; false when the dunning was resolved meanwhile.
   */
  private boolean awaitSendWindow() {
    while (!isResolved()) {
      if (requests.hasProviderCheck() && answerProviderCheck()) {
        return false;
      }
      if (requests.isPaused()) {
        waitWhilePaused(false);
        continue;
      }
      Duration wait = untilQuietHoursEnd();
      if (wait.isZero()) {
        return true;
      }
      Workflow.await(
          wait, () -> isResolved() || requests.isPaused() || requests.hasProviderCheck());
    }
    return false;
  }

  private Duration untilQuietHoursEnd() {
    ZoneId zone = CustomerZone.of(payment.customer());
    if (settings.quietHours() == null || zone == null) {
      return Duration.ZERO;
    }
    Instant sendAt = settings.quietHours().nextSendTime(now(), zone);
    Duration wait = Duration.between(now(), sendAt);
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  private void sendAuthenticationNotice(AuthenticationRequired notice) {
    if (awaitSendWindow()) {
      notices.email(
          NoticeKind.AUTHENTICATION_REQUIRED, "authentication-" + notice.attemptCount(), payment);
    }
  }

  private NoticeKind noticeFor(DunningStep step) {
    boolean routine = step.notice() == NoticeKind.NOTICE || step.notice() == NoticeKind.REMINDER;
    return routine && payment.requiresAuthentication()
        ? NoticeKind.AUTHENTICATION_REQUIRED
        : step.notice();
  }

  /** False when the provider no longer knows the invoice. */
  private boolean refreshPayment() {
    PaymentDetails fresh = provider.ask();
    if (fresh == null) {
      return false;
    }
    payment = fresh;
    attemptCount = Math.max(attemptCount, payment.attemptCount());
    if (HardDeclines.isHard(payment.declineCode())) {
      retriesBlocked = true;
    }
    return true;
  }

  /**
   * Asks the provider now, as the reconciliation sweep asked, and ends the dunning by the same
   * rules as before a step.
   *
   * @return true when the invoice is settled or unknown, and the dunning has ended
   */
  private boolean answerProviderCheck() {
    requests.takeProviderCheck();
    if (!refreshPayment()) {
      unknownAtProvider();
      return true;
    }
    if (payment.status().isSettled()) {
      settledAtProvider();
      return true;
    }
    return false;
  }

  private DunningResult unknownAtProvider() {
    return close(
        CANCELLED,
        "invoice " + request.invoiceId() + " not found at " + request.provider(),
        "CANCELLED");
  }

  /**
   * Continues as new, carrying where the dunning stands, once signals have made its history long.
   * Called only while waiting for a step, before anything of it has run, so no charge or notice of
   * a step is repeated by the next run.
   *
   * @param dueAt when the awaited step is due
   */
  private void continueAsNewIfLong(Instant dueAt) {
    WorkflowInfo info = Workflow.getInfo();
    boolean longHistory =
        info.isContinueAsNewSuggested() || info.getHistoryLength() >= HISTORY_LIMIT;
    if (!longHistory || isResolved()) {
      return; // a resolution is acted on in this run, never carried over
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    DunningCarryOver where =
        new DunningCarryOver(
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
    Workflow.continueAsNew(request.continuedFrom(where));
  }

  private void recordSignalledEvents() {
    while (journal.hasUnrecorded()) {
      recordSomeSignalledEvents();
    }
  }

  /**
   * Since {@link #FEWER_ACTIONS}, in batches: a local activity's marker is written only when the
   * workflow task ends, so one call per event would grow the history unseen by the check for a long
   * history.
   */
  private void recordSomeSignalledEvents() {
    if (fewerActions) {
      records.recordEvents(journal.takeUnrecorded(RECORDED_PER_CALL));
    } else {
      records.recordEvent(journal.takeUnrecorded());
    }
  }

  /**
   * Records what signals produced, and continues as new when that made the history long: a flood of
   * signals is carried over, not drained first.
   *
   * @param dueAt when the awaited step is due, which the next run keeps
   */
  private void recordSignalledEvents(Instant dueAt) {
    continueAsNewIfLong(dueAt);
    while (journal.hasUnrecorded()) {
      recordSomeSignalledEvents();
      continueAsNewIfLong(dueAt);
    }
  }

  private boolean hasSomethingToDo() {
    return result != null || requests.isPending() || journal.hasUnrecorded();
  }

  private boolean isResolved() {
    return result != null || requests.isResolved();
  }

  private void setStatus(DunningStatus newStatus) {
    if (status != newStatus) {
      status = newStatus;
      attributes.status(newStatus);
    }
  }

  private void describe() {
    Workflow.setCurrentDetails(Notes.details(status, nextStep, nextStepAt, attemptCount));
  }

  private Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  // --- signals: state changes only ---

  @Override
  public void paymentFailed(PaymentFailed event) {
    if (result != null || event.attemptCount() <= attemptCount) {
      return; // a repeated delivery, or one that arrived after a newer one
    }
    attemptCount = event.attemptCount();
    if (HardDeclines.isHard(event.declineCode())) {
      retriesBlocked = true;
    }
    Instant at = event.at() == null ? now() : event.at();
    String paymentIntent = payment == null ? null : payment.paymentIntentId();
    journal.addFailure(event, at, paymentIntent, request.amountDue(), request.currency());
  }

  @Override
  public void markPaid(MarkPaid command) {
    if (result == null) {
      requests.markPaid(command); // also a late payment in the restore window after expiry
    }
  }

  @Override
  public void cancel(CancelDunning command) {
    if (result == null) {
      requests.cancel(command);
    }
  }

  @Override
  public void pause(PauseDunning command) {
    if (result != null || status == EXPIRED) {
      return;
    }
    requests.pause(command.until());
    String note =
        "by "
            + Notes.who(command.by())
            + (command.until() == null ? " until resumed" : " until " + command.until());
    journal.addUnrecorded(LogEntry.of(now(), "PAUSED", note), PAUSED, null);
  }

  @Override
  public void resume(ResumeDunning command) {
    if (result != null || !requests.resume()) {
      return;
    }
    journal.addUnrecorded(
        LogEntry.of(now(), "RESUMED", "by " + Notes.who(command.by())), ACTIVE, null);
  }

  @Override
  public void retryNow(RetryNow command) {
    if (result == null && status != EXPIRED) {
      requests.retry(Notes.who(command.by()));
    }
  }

  @Override
  public void paymentMethodUpdated(PaymentMethodUpdated event) {
    if (result != null || status == EXPIRED) {
      return;
    }
    retriesBlocked = false;
    requests.retry("payment method update");
    journal.addUnrecorded(
        new LogEntry(
            now(),
            "PAYMENT METHOD UPDATED",
            "by " + Notes.who(event.by()),
            "SUCCESS",
            null,
            event.paymentMethodId()),
        null,
        null);
  }

  @Override
  public void authenticationRequired(AuthenticationRequired event) {
    if (result == null && status != EXPIRED) {
      requests.authenticationRequired(event);
    }
  }

  @Override
  public void checkProvider(CheckProvider command) {
    if (result != null || status == EXPIRED || payment == null) {
      return; // ended, past its steps, or not opened yet (opening asks the provider anyway)
    }
    if (Workflow.getVersion(PROVIDER_CHECK_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1) {
      requests.checkProvider(command);
    }
  }

  @Override
  public DunningState state() {
    return new DunningState(
        dunningId,
        reportedStatus(),
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
  private DunningStatus reportedStatus() {
    if (result == null && (status == ACTIVE || status == PAUSED)) {
      return requests.isPaused() ? PAUSED : ACTIVE;
    }
    return status;
  }

  // --- updates: the operator's actions, answered with the new state ---

  @Override
  public DunningState markPaidByOperator(MarkPaid command) {
    markPaid(command);
    Workflow.await(this::hasEnded);
    return state();
  }

  @Override
  public void validateMarkPaid(MarkPaid command) {
    refuseIfEnded(); // after expiry a payment still restores the package
  }

  @Override
  public DunningState cancelByOperator(CancelDunning command) {
    cancel(command);
    Workflow.await(this::hasEnded);
    return state();
  }

  @Override
  public void validateCancel(CancelDunning command) {
    refuseIfEndedOrExpired();
  }

  @Override
  public DunningState pauseByOperator(PauseDunning command) {
    pause(command);
    return state();
  }

  @Override
  public void validatePause(PauseDunning command) {
    refuseIfEndedOrExpired();
  }

  @Override
  public DunningState resumeByOperator(ResumeDunning command) {
    resume(command);
    return state();
  }

  @Override
  public void validateResume(ResumeDunning command) {
    refuseIfEndedOrExpired();
  }

  @Override
  public DunningState retryNowByOperator(RetryNow command) {
    int declinedBefore = declinedCharges;
    retryNow(command);
    // The main method charges: a charge that pays ends the dunning, one that does not is counted.
    // It charges only once resumed, never after expiry, and waits for this handler before
    // continuing as new, so none of these is waited for here.
    Workflow.await(
        () ->
            declinedCharges > declinedBefore
                || hasEnded()
                || status == EXPIRED
                || requests.isPaused()
                || Workflow.getInfo().isContinueAsNewSuggested()
                || Workflow.getInfo().getHistoryLength() >= HISTORY_LIMIT);
    return state();
  }

  @Override
  public void validateRetryNow(RetryNow command) {
    refuseIfEndedOrExpired();
  }

  /** The main method has closed the dunning: its outcome is set and recorded. */
  private boolean hasEnded() {
    return result != null && status == result.outcome();
  }

  private void refuseIfEnded() {
    if (result != null || requests.isResolved()) {
      DunningStatus outcome = result != null ? result.outcome() : resolvingTo();
      throw ApplicationFailure.newNonRetryableFailure(
          REFUSED_ENDED + ": the dunning has already ended " + outcome,
          REFUSED_ENDED,
          outcome.name());
    }
  }

  private void refuseIfEndedOrExpired() {
    refuseIfEnded();
    if (status == EXPIRED) {
      throw ApplicationFailure.newNonRetryableFailure(
          REFUSED_EXPIRED
              + ": the package has expired; the dunning only waits for a late payment"
              + " (mark-paid)",
          REFUSED_EXPIRED,
          EXPIRED.name());
    }
  }

  /** What an accepted but not yet closed resolution will end in. */
  private DunningStatus resolvingTo() {
    return requests.paid() != null ? RECOVERED : CANCELLED;
  }
}
