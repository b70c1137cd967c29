package com.example.dunning.workflows.dunning;

import static com.example.dunning.workflows.model.DunningStatus.ACTIVE;
import static com.example.dunning.workflows.model.DunningStatus.EXPIRED;
import static com.example.dunning.workflows.model.DunningStatus.PAUSED;

import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.activities.DunningRecordActivities.CloseDunning;
import com.example.dunning.workflows.activities.DunningRecordActivities.OpenDunning;
import com.example.dunning.workflows.activities.PackageActivities;
import com.example.dunning.workflows.activities.PackageActivities.PackageChange;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.activities.PaymentActivities.ChargeRequest;
import com.example.dunning.workflows.model.AuthenticationRequired;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.DunningCarryOver;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.FailureNotes;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningStep;
import com.example.dunning.workflows.policy.NoticeKind;
import com.example.dunning.workflows.policy.StepAction;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs the steps of the dunning policy one after another. Signals only change state (see {@link
 * DunningInbox}); the main method decides what happens, so every decision is in the history in the
 * order it was made.
 */
public class DunningWorkflowImpl implements DunningWorkflow {

  /**
   * The change that made a dunning cheaper on Temporal Cloud: local activities (see {@link
   * DunningActivityStubs}) and no upsert of search attributes the start already set.
   */
  public static final String FEWER_ACTIONS = "fewer-actions";

  static final int FEWER_ACTIONS_VERSION = 1;

  private final PaymentActivities payments;
  private final PackageActivities packages;
  private final DunningRecordActivities records;

  private final String dunningId;
  private final DunningRequest request;
  private final DunningJournal journal;
  private final SignalledEvents signalled;
  private final StatusAttributes attributes;
  private final CustomerNotices notices;
  private final ProviderInvoice provider;
  private final DunningProgress progress;
  private final OperatorRequests requests;
  private final DunningInbox inbox;
  private final DunningContinuation continuation;

  private int stepIndex;

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
    boolean fewerActions = version >= FEWER_ACTIONS_VERSION;
    this.attributes = new StatusAttributes(fewerActions);
    DunningCarryOver carried = request.carryOver();
    if (carried == null) {
      this.journal = new DunningJournal(dunningId);
      this.requests = new OperatorRequests();
      this.progress = new DunningProgress(request.attemptCount());
    } else {
      this.journal =
          new DunningJournal(
              dunningId, carried.journalSequence(), carried.log(), carried.unrecorded());
      this.requests = new OperatorRequests(carried);
      this.progress = new DunningProgress(carried);
      this.stepIndex = carried.stepIndex();
    }
    this.signalled = new SignalledEvents(journal, records, fewerActions);
    this.notices = new CustomerNotices(dunningId, journal, stubs.notifications());
    this.provider = new ProviderInvoice(payments, request);
    this.inbox = new DunningInbox(dunningId, request, progress, requests, journal);
    this.continuation = new DunningContinuation(request, progress, requests, journal, signalled);
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
    List<DunningStep> steps = progress.settings().policy().steps();
    for (; stepIndex < steps.size(); stepIndex++) {
      DunningStep step = steps.get(stepIndex);
      if (continued) {
        continued = false; // the carried-over step keeps the time it was due
      } else {
        progress.nextStep(step.name(), now().plus(step.delay()));
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
    return close(DunningOutcome.ranOutOfSteps(progress.settings().policy().version()));
  }

  /** Asks the provider and records the dunning; a result when it ends right there. */
  private DunningResult open() {
    progress.paymentAsked(provider.ask());
    PaymentDetails payment = progress.payment();
    if (payment == null) {
      return unknownAtProvider();
    }
    progress.opened(records.openDunning(new OpenDunning(dunningId, request, payment)));
    journal.add(
        new LogEntry(
            request.failedAt(),
            LogTitle.PAYMENT_FAILED,
            FailureNotes.of(payment.attemptCount(), payment.failureCode(), payment.declineCode()),
            EntryStatus.FAILED,
            null,
            payment.paymentMethodId()));
    attributes.opened(payment);
    return payment.status().isSettled() ? settledAtProvider() : null;
  }

  /** Waits until the step is due, serving pauses, manual retries and notices meanwhile. */
  private boolean awaitStep() {
    while (true) {
      continuation.recordSignalledEvents(stepIndex, progress.nextStepAt());
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
      Duration left = Duration.between(now(), progress.nextStepAt());
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
    if (progress.payment().status().isSettled()) {
      return settledAtProvider();
    }
    if (step.does(StepAction.RETRY_CHARGE)
        && DunningRules.mayRetry(progress.settings(), progress.retriesBlocked(), progress.payment())
        && chargeNow("step " + step.name())) {
      return resolution();
    }
    if (step.does(StepAction.EXPIRE_PACKAGE)) {
      return expire(step);
    }
    if (!awaitSendWindow()) {
      return resolution();
    }
    notices.send(step, DunningRules.noticeFor(step, progress.payment()), progress.payment());
    return null;
  }

  /** Charges once; true when the charge paid the invoice, which then ends the dunning. */
  private boolean chargeNow(String why) {
    ChargeResult charge =
        payments.retryCharge(
            new ChargeRequest(
                dunningId, request.provider(), request.invoiceId(), journal.nextKey("charge")));
    progress.charged(charge);
    if (charge.paid()) {
      notices.email(NoticeKind.RECOVERED, "recovered", progress.payment());
      close(DunningOutcome.recoveredByCharge(why));
      return true;
    }
    String reason = charge.failureCode() == null ? charge.message() : charge.failureCode();
    String note = why + Notes.optional(": ", reason) + Notes.optional(" / ", charge.declineCode());
    journal.add(
        new LogEntry(
            now(),
            LogTitle.RETRY_FAILED,
            note,
            EntryStatus.FAILED,
            null,
            progress.payment().paymentMethodId()));
    return false;
  }

  private DunningResult expire(DunningStep step) {
    packages.expirePackage(
        new PackageChange(
            dunningId, progress.payment(), step.does(StepAction.CANCEL_SUBSCRIPTION)));
    journal.add(LogEntry.of(now(), LogTitle.PACKAGE_EXPIRED, "end of grace, step " + step.name()));
    setStatus(EXPIRED);
    requests.resume(); // the grace is over: a pause asked for meanwhile holds nothing any more
    progress.noNextStep();
    if (awaitSendWindow()) {
      notices.send(step, NoticeKind.EXPIRED, progress.payment());
    }
    describe();
    // A payment that comes late still gives the package back, within the restore window.
    Workflow.await(progress.settings().policy().restoreWindow(), requests::isResolved);
    signalled.recordAll();
    if (requests.paid() != null) {
      packages.restorePackage(new PackageChange(dunningId, progress.payment(), false));
      journal.add(LogEntry.of(now(), LogTitle.PACKAGE_RESTORED, "paid after expiry"));
      DunningResult recovered = close(DunningOutcome.paidAfterExpiry(requests.paid()));
      notices.email(NoticeKind.RECOVERED, "restored", progress.payment());
      return recovered;
    }
    return close(DunningOutcome.notPaidAfterExpiry());
  }

  private DunningResult resolution() {
    if (progress.isClosed()) {
      return progress.result();
    }
    return close(DunningOutcome.resolvedBy(requests.paid(), requests.cancelled()));
  }

  private DunningResult settledAtProvider() {
    return close(DunningOutcome.settledAtProvider(progress.payment().status()));
  }

  private DunningResult unknownAtProvider() {
    return close(DunningOutcome.unknownAtProvider(request.provider(), request.invoiceId()));
  }

  private DunningResult close(DunningOutcome outcome) {
    signalled.recordAll();
    DunningResult result =
        new DunningResult(outcome.status(), outcome.reason(), now(), progress.attemptCount());
    progress.closed(result);
    LogEntry entry =
        outcome.title() == null ? null : LogEntry.of(now(), outcome.title(), outcome.reason());
    if (entry != null) {
      journal.add(entry);
    }
    records.closeDunning(new CloseDunning(dunningId, result, entry));
    progress.noNextStep();
    setStatus(outcome.status());
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
    Instant dueAt = progress.nextStepAt();
    Duration remaining = dueAt == null ? Duration.ZERO : Duration.between(now(), dueAt);
    Duration held = remaining.isNegative() ? Duration.ZERO : remaining;
    setStatus(PAUSED);
    while (requests.isPaused() && !isResolved()) {
      Instant until = requests.pausedUntil();
      if (until.equals(Instant.MAX)) {
        Workflow.await(this::hasPauseNews);
      } else {
        Duration left = Duration.between(now(), until);
        if (left.isNegative() || left.isZero()) {
          requests.resume();
          journal.addUnrecorded(LogEntry.of(now(), LogTitle.RESUMED, "pause ended"), ACTIVE, null);
        } else {
          Workflow.await(left, this::hasPauseNews);
        }
      }
      if (requests.hasProviderCheck() && answerProviderCheck()) {
        return; // ended: close() has set the status
      }
      if (beforeStep) {
        continuation.recordSignalledEvents(stepIndex, now().plus(held));
      } else {
        signalled.recordAll();
      }
    }
    if (progress.nextStepAt() != null) {
      progress.nextStepAt(now().plus(held));
    }
    setStatus(ACTIVE);
    describe();
  }

  /** Something that ends or interrupts a pause. */
  private boolean hasPauseNews() {
    return !requests.isPaused()
        || isResolved()
        || signalled.arePending()
        || requests.hasProviderCheck();
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
      Duration wait =
          DunningRules.untilQuietHoursEnd(progress.settings(), progress.payment(), now());
      if (wait.isZero()) {
        return true;
      }
      Workflow.await(
          wait, () -> isResolved() || requests.isPaused() || requests.hasProviderCheck());
    }
    return false;
  }

  private void sendAuthenticationNotice(AuthenticationRequired notice) {
    if (awaitSendWindow()) {
      notices.email(
          NoticeKind.AUTHENTICATION_REQUIRED,
          "authentication-" + notice.attemptCount(),
          progress.payment());
    }
  }

  /** False when the provider no longer knows the invoice. */
  private boolean refreshPayment() {
    PaymentDetails fresh = provider.ask();
    if (fresh == null) {
      return false;
    }
    progress.paymentRefreshed(fresh);
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
    if (progress.payment().status().isSettled()) {
      settledAtProvider();
      return true;
    }
    return false;
  }

  private boolean hasSomethingToDo() {
    return progress.isClosed() || requests.isPending() || signalled.arePending();
  }

  private boolean isResolved() {
    return progress.isClosed() || requests.isResolved();
  }

  private void setStatus(DunningStatus newStatus) {
    if (progress.status(newStatus)) {
      attributes.status(newStatus);
    }
  }

  private void describe() {
    Workflow.setCurrentDetails(progress.details());
  }

  private Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  // --- signals, query and updates: see DunningInbox ---

  @Override
  public void paymentFailed(PaymentFailed event) {
    inbox.paymentFailed(event);
  }

  @Override
  public void markPaid(MarkPaid command) {
    inbox.markPaid(command);
  }

  @Override
  public void cancel(CancelDunning command) {
    inbox.cancel(command);
  }

  @Override
  public void pause(PauseDunning command) {
    inbox.pause(command);
  }

  @Override
  public void resume(ResumeDunning command) {
    inbox.resume(command);
  }

  @Override
  public void retryNow(RetryNow command) {
    inbox.retryNow(command);
  }

  @Override
  public void paymentMethodUpdated(PaymentMethodUpdated event) {
    inbox.paymentMethodUpdated(event);
  }

  @Override
  public void authenticationRequired(AuthenticationRequired event) {
    inbox.authenticationRequired(event);
  }

  @Override
  public void checkProvider(CheckProvider command) {
    inbox.checkProvider(command);
  }

  @Override
  public DunningState state() {
    return inbox.state();
  }

  @Override
  public DunningState markPaidByOperator(MarkPaid command) {
    return inbox.markPaidByOperator(command);
  }

  @Override
  public void validateMarkPaid(MarkPaid command) {
    inbox.validateMarkPaid();
  }

  @Override
  public DunningState cancelByOperator(CancelDunning command) {
    return inbox.cancelByOperator(command);
  }

  @Override
  public void validateCancel(CancelDunning command) {
    inbox.refuseIfEndedOrExpired();
  }

  @Override
  public DunningState pauseByOperator(PauseDunning command) {
    return inbox.pauseByOperator(command);
  }

  @Override
  public void validatePause(PauseDunning command) {
    inbox.refuseIfEndedOrExpired();
  }

  @Override
  public DunningState resumeByOperator(ResumeDunning command) {
    return inbox.resumeByOperator(command);
  }

  @Override
  public void validateResume(ResumeDunning command) {
    inbox.refuseIfEndedOrExpired();
  }

  @Override
  public DunningState retryNowByOperator(RetryNow command) {
    return inbox.retryNowByOperator(command);
  }

  @Override
  public void validateRetryNow(RetryNow command) {
    inbox.refuseIfEndedOrExpired();
  }
}
