package com.example.dunning.workflows.dunning;

import static com.example.dunning.workflows.dunning.DunningWorkflow.REFUSED_ENDED;
import static com.example.dunning.workflows.dunning.DunningWorkflow.REFUSED_EXPIRED;
import static com.example.dunning.workflows.model.DunningStatus.CANCELLED;
import static com.example.dunning.workflows.model.DunningStatus.EXPIRED;
import static com.example.dunning.workflows.model.DunningStatus.RECOVERED;

import com.example.dunning.workflows.model.AuthenticationRequired;
import com.example.dunning.workflows.model.DunningStatus;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;

/**
 * The dunning's signals, query and updates, in one place. A signal only notes in the {@link
 * DunningCase} what came in, for the main method ({@link DunningWorkflowImpl}) to act on. An update
 * does what its signal does and answers with the state once the main method has acted; its
 * validator refuses what an ended or expired dunning cannot do.
 */
abstract class DunningHandlers implements DunningWorkflow {

  final DunningCase dunning;

  DunningHandlers(DunningCase dunning) {
    this.dunning = dunning;
  }

  @Override
  public void paymentFailed(PaymentFailed event) {
    dunning.paymentFailed(event, now());
  }

  @Override
  public void markPaid(MarkPaid command) {
    dunning.markPaid(command);
  }

  @Override
  public void cancel(CancelDunning command) {
    dunning.cancel(command);
  }

  @Override
  public void pause(PauseDunning command) {
    dunning.pause(command, now());
  }

  @Override
  public void resume(ResumeDunning command) {
    dunning.resume(command, now());
  }

  @Override
  public void retryNow(RetryNow command) {
    dunning.retryNow(command);
  }

  @Override
  public void paymentMethodUpdated(PaymentMethodUpdated event) {
    dunning.paymentMethodUpdated(event, now());
  }

  @Override
  public void authenticationRequired(AuthenticationRequired event) {
    dunning.authenticationRequired(event);
  }

  @Override
  public void checkProvider(CheckProvider command) {
    if (dunning.takesProviderChecks() && DunningVersions.actsOnProviderCheck()) {
      dunning.checkProvider(command);
    }
  }

  @Override
  public DunningState state() {
    return dunning.state();
  }

  @Override
  public DunningState markPaidByOperator(MarkPaid command) {
    markPaid(command);
    Workflow.await(dunning::hasEnded);
    return state();
  }

  @Override
  public void validateMarkPaid(MarkPaid command) {
    refuseIfEnded(); // after expiry a payment still restores the package
  }

  @Override
  public DunningState cancelByOperator(CancelDunning command) {
    cancel(command);
    Workflow.await(dunning::hasEnded);
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
    int declinedBefore = dunning.declinedCharges();
    retryNow(command);
    // The main method charges: a charge that pays ends the dunning, one that does not is counted.
    // It charges only once resumed, never after expiry, and waits for this handler before
    // continuing as new, so none of these is waited for here.
    Workflow.await(
        () ->
            dunning.declinedCharges() > declinedBefore
                || dunning.hasEnded()
                || dunning.status() == EXPIRED
                || dunning.isPaused()
                || DunningContinuation.isHistoryLong());
    return state();
  }

  @Override
  public void validateRetryNow(RetryNow command) {
    refuseIfEndedOrExpired();
  }

  private void refuseIfEndedOrExpired() {
    refuseIfEnded();
    if (dunning.status() == EXPIRED) {
      throw ApplicationFailure.newNonRetryableFailure(
          REFUSED_EXPIRED
              + ": the package has expired; the dunning only waits for a late payment"
              + " (mark-paid)",
          REFUSED_EXPIRED,
          EXPIRED.name());
    }
  }

  private void refuseIfEnded() {
    if (dunning.isResolved()) {
      DunningStatus outcome =
          dunning.isClosed()
              ? dunning.result().outcome()
              : dunning.paid() != null ? RECOVERED : CANCELLED;
      throw ApplicationFailure.newNonRetryableFailure(
          REFUSED_ENDED + ": the dunning has already ended " + outcome,
          REFUSED_ENDED,
          outcome.name());
    }
  }

  /** The workflow's time, the same on replay. */
  static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
