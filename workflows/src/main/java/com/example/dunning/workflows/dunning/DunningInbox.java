package com.example.dunning.workflows.dunning;

import static com.example.dunning.workflows.dunning.DunningWorkflow.REFUSED_ENDED;
import static com.example.dunning.workflows.dunning.DunningWorkflow.REFUSED_EXPIRED;
import static com.example.dunning.workflows.model.DunningStatus.ACTIVE;
import static com.example.dunning.workflows.model.DunningStatus.CANCELLED;
import static com.example.dunning.workflows.model.DunningStatus.EXPIRED;
import static com.example.dunning.workflows.model.DunningStatus.PAUSED;
import static com.example.dunning.workflows.model.DunningStatus.RECOVERED;

import com.example.dunning.workflows.model.AuthenticationRequired;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentDetails;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;

/**
 * What the dunning's signals and updates do: each signal only notes its request or event, for the
 * main method to act on; an update does what its signal does and answers with the state once the
 * main method has acted, and its validator refuses what an ended or expired dunning cannot do.
 */
final class DunningInbox {

  /** The checkProvider signal; dunnings that received it before it was acted on replay as ran. */
  static final String PROVIDER_CHECK_CHANGE = "provider-check-signal";

  private final String dunningId;
  private final DunningRequest request;
  private final DunningProgress progress;
  private final OperatorRequests requests;
  private final DunningJournal journal;

  DunningInbox(
      String dunningId,
      DunningRequest request,
      DunningProgress progress,
      OperatorRequests requests,
      DunningJournal journal) {
    this.dunningId = dunningId;
    this.request = request;
    this.progress = progress;
    this.requests = requests;
    this.journal = journal;
  }

  // --- signals: state changes only ---

  void paymentFailed(PaymentFailed event) {
    if (!progress.failedAgain(event.attemptCount(), event.declineCode())) {
      return;
    }
    Instant at = event.at() == null ? now() : event.at();
    PaymentDetails payment = progress.payment();
    String paymentIntent = payment == null ? null : payment.paymentIntentId();
    journal.addFailure(event, at, paymentIntent, request.amountDue(), request.currency());
  }

  void markPaid(MarkPaid command) {
    if (!progress.isClosed()) {
      requests.markPaid(command); // also a late payment in the restore window after expiry
    }
  }

  void cancel(CancelDunning command) {
    if (!progress.isClosed()) {
      requests.cancel(command);
    }
  }

  void pause(PauseDunning command) {
    if (progress.isClosed() || progress.status() == EXPIRED) {
      return;
    }
    requests.pause(command.until());
    String note =
        "by "
            + Notes.who(command.by())
            + (command.until() == null ? " until resumed" : " until " + command.until());
    journal.addUnrecorded(LogEntry.of(now(), LogTitle.PAUSED, note), PAUSED, null);
  }

  void resume(ResumeDunning command) {
    if (progress.isClosed() || !requests.resume()) {
      return;
    }
    journal.addUnrecorded(
        LogEntry.of(now(), LogTitle.RESUMED, "by " + Notes.who(command.by())), ACTIVE, null);
  }

  void retryNow(RetryNow command) {
    if (!progress.isClosed() && progress.status() != EXPIRED) {
      requests.retry(Notes.who(command.by()));
    }
  }

  void paymentMethodUpdated(PaymentMethodUpdated event) {
    if (progress.isClosed() || progress.status() == EXPIRED) {
      return;
    }
    progress.paymentMethodUpdated();
    requests.retry("payment method update");
    journal.addUnrecorded(
        new LogEntry(
            now(),
            LogTitle.PAYMENT_METHOD_UPDATED,
            "by " + Notes.who(event.by()),
            EntryStatus.SUCCESS,
            null,
            event.paymentMethodId()),
        null,
        null);
  }

  void authenticationRequired(AuthenticationRequired event) {
    if (!progress.isClosed() && progress.status() != EXPIRED) {
      requests.authenticationRequired(event);
    }
  }

  void checkProvider(CheckProvider command) {
    if (progress.isClosed() || progress.status() == EXPIRED || progress.payment() == null) {
      return; // ended, past its steps, or not opened yet (opening asks the provider anyway)
    }
    if (Workflow.getVersion(PROVIDER_CHECK_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1) {
      requests.checkProvider(command);
    }
  }

  DunningState state() {
    return progress.state(dunningId, requests, journal);
  }

  // --- updates: the operator's actions, answered with the new state ---

  DunningState markPaidByOperator(MarkPaid command) {
    markPaid(command);
    Workflow.await(progress::hasEnded);
    return state();
  }

  void validateMarkPaid() {
    refuseIfEnded(); // after expiry a payment still restores the package
  }

  DunningState cancelByOperator(CancelDunning command) {
    cancel(command);
    Workflow.await(progress::hasEnded);
    return state();
  }

  DunningState pauseByOperator(PauseDunning command) {
    pause(command);
    return state();
  }

  DunningState resumeByOperator(ResumeDunning command) {
    resume(command);
    return state();
  }

  DunningState retryNowByOperator(RetryNow command) {
    int declinedBefore = progress.declinedCharges();
    retryNow(command);
    // The main method charges: a charge that pays ends the dunning, one that does not is counted.
    // It charges only once resumed, never after expiry, and waits for this handler before
    // continuing as new, so none of these is waited for here.
    Workflow.await(
        () ->
            progress.declinedCharges() > declinedBefore
                || progress.hasEnded()
                || progress.status() == EXPIRED
                || requests.isPaused()
                || DunningContinuation.isHistoryLong());
    return state();
  }

  /** The validator of cancel, pause, resume and retry-now. */
  void refuseIfEndedOrExpired() {
    refuseIfEnded();
    if (progress.status() == EXPIRED) {
      throw ApplicationFailure.newNonRetryableFailure(
          REFUSED_EXPIRED
              + ": the package has expired; the dunning only waits for a late payment"
              + " (mark-paid)",
          REFUSED_EXPIRED,
          EXPIRED.name());
    }
  }

  private void refuseIfEnded() {
    if (progress.isClosed() || requests.isResolved()) {
      DunningStatus outcome = progress.isClosed() ? progress.result().outcome() : resolvingTo();
      throw ApplicationFailure.newNonRetryableFailure(
          REFUSED_ENDED + ": the dunning has already ended " + outcome,
          REFUSED_ENDED,
          outcome.name());
    }
  }

  /** What an accepted but not yet closed resolution will end in. */
  private DunningStatus resolvingTo() {
    return requests.paid() != null ? RECOVERED : CANCELLED;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
