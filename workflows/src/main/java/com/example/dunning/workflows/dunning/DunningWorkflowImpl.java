package com.example.dunning.workflows.dunning;

import static com.example.dunning.workflows.model.DunningStatus.ACTIVE;
import static com.example.dunning.workflows.model.DunningStatus.EXPIRED;
import static com.example.dunning.workflows.model.DunningStatus.PAUSED;

import com.example.dunning.workflows.activities.DunningRecordActivities.CloseDunning;
import com.example.dunning.workflows.activities.DunningRecordActivities.OpenDunning;
import com.example.dunning.workflows.activities.PackageActivities.PackageChange;
import com.example.dunning.workflows.activities.PaymentActivities.ChargeRequest;
import com.example.dunning.workflows.model.AuthenticationRequired;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningStep;
import com.example.dunning.workflows.policy.NoticeKind;
import com.example.dunning.workflows.policy.StepAction;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The dunning policy, step by step: open the dunning, then for each step wait until it is due
 * (acting meanwhile on what signals asked, held while paused), ask the provider, charge if the step
 * may, expire the package at the end of grace, and send the step's notices outside the customer's
 * quiet hours. The handlers ({@link DunningHandlers}) only note what comes in; every decision is
 * made here, so it is in the history in the order it was made.
 */
public class DunningWorkflowImpl extends DunningHandlers {

  /** {@link DunningVersions#FEWER_ACTIONS}, which names the tests' recorded histories. */
  public static final String FEWER_ACTIONS = DunningVersions.FEWER_ACTIONS;

  /** {@link DunningVersions#CUSTOMER_CONVERSATION}, which names the histories recorded with it. */
  public static final String CUSTOMER_CONVERSATION = DunningVersions.CUSTOMER_CONVERSATION;

  private final String dunningId;
  private final DunningRequest request;
  private final DunningJournal journal;
  private final DunningActivityStubs activities;
  private final StatusAttributes attributes;
  private final CustomerNotices notices;
  private final CustomerConversation conversation;
  private final ProviderInvoice provider;
  private final DunningContinuation continuation;

  @WorkflowInit
  public DunningWorkflowImpl(DunningRequest request) {
    this(request, DunningVersions.fewerActions());
  }

  private DunningWorkflowImpl(DunningRequest request, boolean fewerActions) {
    super(DunningCase.of(Workflow.getInfo().getWorkflowId(), request));
    this.dunningId = dunning.dunningId();
    this.request = request;
    this.journal = dunning.journal();
    this.activities = DunningActivityStubs.of(fewerActions);
    this.attributes = new StatusAttributes(fewerActions);
    this.notices = new CustomerNotices(dunningId, journal, activities.notifications());
    this.conversation = new CustomerConversation(dunningId, activities.conversations());
    this.provider = new ProviderInvoice(activities.payments(), request);
    this.continuation = new DunningContinuation(dunning, activities.records(), fewerActions);
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
    List<DunningStep> steps = dunning.settings().policy().steps();
    for (int index = dunning.stepIndex(); index < steps.size(); index++) {
      DunningStep step = steps.get(index);
      if (!continued) {
        dunning.nextStep(index, step.name(), now().plus(step.delay()));
      }
      continued = false; // only the carried-over step keeps the time it was due
      describe();
      DunningResult ended = awaitStep() ? runStep(step) : end();
      if (ended != null) {
        return ended;
      }
    }
    return close(DunningOutcome.ranOutOfSteps(dunning.settings().policy().version()));
  }

  /** Asks the provider and records the dunning; the result when it ends right there. */
  private DunningResult open() {
    dunning.paymentAsked(provider.ask());
    PaymentDetails payment = dunning.payment();
    if (payment == null) {
      return unknownAtProvider();
    }
    dunning.opened(activities.records().openDunning(new OpenDunning(dunningId, request, payment)));
    attributes.opened(payment);
    return payment.status().isSettled() ? settledAtProvider() : null;
  }

  /** Asks the provider, then charges, expires or sends as the step says; the result if it ends. */
  private DunningResult runStep(DunningStep step) {
    DunningResult ended = askProvider();
    if (ended != null) {
      return ended;
    }
    if (step.does(StepAction.RETRY_CHARGE) && dunning.mayRetry()) {
      DunningResult paid = charge("step " + step.name());
      if (paid != null) {
        return paid;
      }
    }
    if (step.does(StepAction.EXPIRE_PACKAGE)) {
      return expire(step);
    }
    if (!awaitSendWindow()) {
      return end();
    }
    return sendNotices(step, DunningRules.noticeFor(step, dunning.payment())) ? null : end();
  }

  /**
   * Sends the step's notices: alone; or each at the moment the customer's coordinator answers,
   * waited for in the one wait; or handed to the coordinator to send. False when the dunning ended
   * or was resolved while a notice waited.
   */
  private boolean sendNotices(DunningStep step, NoticeKind kind) {
    PaymentDetails payment = dunning.payment();
    switch (CustomerConversation.sending(dunning.settings(), request.provider(), payment, kind)) {
      case ALONE -> notices.send(step, kind, payment);
      case BY_COORDINATOR ->
          conversation.handOver(step, kind, dunning.settings(), request.provider(), payment);
      case AT_ANSWERED_MOMENT -> {
        for (CustomerConversation.ChannelSlot slot :
            conversation.reserve(step, dunning.settings(), request.provider(), payment, now())) {
          if (!awaitDue(slot::sendAt, false)) {
            return false;
          }
          notices.send(slot.channel(), step, kind, dunning.payment()); // as read after the wait
        }
      }
    }
    return true;
  }

  /** Charges once; the result when the charge paid the invoice, which ends the dunning. */
  private DunningResult charge(String why) {
    String key = journal.nextKey("charge");
    ChargeResult charge =
        activities
            .payments()
            .retryCharge(
                new ChargeRequest(dunningId, request.provider(), request.invoiceId(), key));
    dunning.charged(charge, why, now());
    if (!charge.paid()) {
      return null;
    }
    notices.email(NoticeKind.RECOVERED, "recovered", dunning.payment());
    return close(DunningOutcome.recoveredByCharge(why));
  }

  private DunningResult expire(DunningStep step) {
    boolean cancel = step.does(StepAction.CANCEL_SUBSCRIPTION);
    activities.packages().expirePackage(new PackageChange(dunningId, dunning.payment(), cancel));
    dunning.expired(step.name(), now());
    attributes.status(dunning, EXPIRED);
    if (awaitSendWindow()) {
      sendNotices(step, NoticeKind.EXPIRED);
    }
    describe();
    // A payment that comes late still gives the package back, within the restore window.
    Workflow.await(dunning.settings().policy().restoreWindow(), dunning::hasResolution);
    continuation.recordAll();
    if (dunning.paid() == null) {
      return close(DunningOutcome.notPaidAfterExpiry());
    }
    activities.packages().restorePackage(new PackageChange(dunningId, dunning.payment(), false));
    dunning.restored(now());
    DunningResult recovered = close(DunningOutcome.paidAfterExpiry(dunning.paid()));
    notices.email(NoticeKind.RECOVERED, "restored", dunning.payment());
    return recovered;
  }

  /** Waits until the step is due; false when the dunning ended or was resolved meanwhile. */
  private boolean awaitStep() {
    return awaitDue(dunning::nextStepAt, true);
  }

  /** Waits out the customer's quiet hours; false when the dunning ended or was resolved. */
  private boolean awaitSendWindow() {
    return awaitDue(() -> dunning.quietHoursEnd(now()), false);
  }

  /**
   * The one wait: until {@code due}, or until there is something to act on ({@link
   * DunningCase#hasNews}). A pause holds the dunning here, keeping the time that was left to the
   * step, until it ends by itself or is resumed; provider checks are answered and signalled events
   * recorded meanwhile. Before a notice nothing else is acted on: it goes out first.
   *
   * @param beforeStep nothing of the step has run yet, so the dunning may continue as new
   * @return true once due; false when the dunning ended or was resolved meanwhile
   */
  private boolean awaitDue(Supplier<Instant> due, boolean beforeStep) {
    while (true) {
      if (beforeStep) {
        continuation.recordOrContinueAsNew();
      } else if (dunning.isHolding()) {
        continuation.recordAll();
      }
      if (!dunning.isHolding()) {
        if (dunning.isResolved()) {
          return false;
        }
        if (dunning.takeProviderCheck()) {
          if (askProvider() != null) {
            return false;
          }
          if (beforeStep) {
            continue; // signals may have come in while the provider was asked
          }
        }
        if (dunning.isPaused()) {
          dunning.stopClock(now()); // the hold begins
          attributes.status(dunning, PAUSED);
        } else if (beforeStep && actOnRequest()) {
          continue;
        }
      }
      if (dunning.isHolding() && (!dunning.isPaused() || dunning.isResolved())) {
        dunning.restartClock(now()); // the hold ends
        attributes.status(dunning, ACTIVE);
        describe();
        continue;
      }
      Instant until = dunning.isHolding() ? dunning.pausedUntil() : due.get();
      if (until.equals(Instant.MAX)) {
        Workflow.await(() -> dunning.hasNews(beforeStep));
      } else if (until.isAfter(now())) {
        Workflow.await(Duration.between(now(), until), () -> dunning.hasNews(beforeStep));
      } else if (dunning.isHolding()) {
        dunning.resumeByItself(now());
      } else {
        return true;
      }
      if (dunning.isHolding() && dunning.takeProviderCheck()) {
        askProvider(); // an answer that ends the dunning ends the hold
      }
    }
  }

  /** A manual retry or an authentication notice that was asked for; false when none was. */
  private boolean actOnRequest() {
    String retryBy = dunning.takeRetryRequest();
    if (retryBy != null) {
      charge("retry requested by " + retryBy);
      return true;
    }
    AuthenticationRequired notice = dunning.takeAuthenticationNotice();
    if (notice == null) {
      return false;
    }
    if (awaitSendWindow()) {
      String key = "authentication-" + notice.attemptCount();
      notices.email(NoticeKind.AUTHENTICATION_REQUIRED, key, dunning.payment());
    }
    return true;
  }

  /** Asks the provider; the result when it no longer knows the invoice or it is settled there. */
  private DunningResult askProvider() {
    PaymentDetails fresh = provider.ask();
    if (fresh == null) {
      return unknownAtProvider();
    }
    dunning.paymentRefreshed(fresh);
    return fresh.status().isSettled() ? settledAtProvider() : null;
  }

  /** The result of a dunning a wait left: closed by a provider check, or resolved by a signal. */
  private DunningResult end() {
    return dunning.isClosed()
        ? dunning.result()
        : close(DunningOutcome.resolvedBy(dunning.paid(), dunning.cancelled()));
  }

  private DunningResult settledAtProvider() {
    return close(DunningOutcome.settledAtProvider(dunning.payment().status()));
  }

  private DunningResult unknownAtProvider() {
    return close(DunningOutcome.unknownAtProvider(request.provider(), request.invoiceId()));
  }

  private DunningResult close(DunningOutcome outcome) {
    continuation.recordAll();
    DunningResult result =
        new DunningResult(outcome.status(), outcome.reason(), now(), dunning.attemptCount());
    LogEntry entry = dunning.closed(result, outcome.title());
    activities.records().closeDunning(new CloseDunning(dunningId, result, entry));
    attributes.status(dunning, outcome.status());
    describe();
    // An operator's update waiting for this end answers before the workflow completes. Adds no
    // command, so histories without updates replay unchanged.
    Workflow.await(Workflow::isEveryHandlerFinished);
    return result;
  }

  private void describe() {
    Workflow.setCurrentDetails(dunning.details());
  }
}
