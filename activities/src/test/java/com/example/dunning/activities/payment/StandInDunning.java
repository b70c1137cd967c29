package com.example.dunning.activities.payment;

import com.example.dunning.workflows.DunningWorkflow;
import com.example.dunning.workflows.commands.AuthenticationRequired;
import com.example.dunning.workflows.commands.CancelDunning;
import com.example.dunning.workflows.commands.CheckProvider;
import com.example.dunning.workflows.commands.MarkPaid;
import com.example.dunning.workflows.commands.PauseDunning;
import com.example.dunning.workflows.commands.PaymentFailed;
import com.example.dunning.workflows.commands.PaymentMethodUpdated;
import com.example.dunning.workflows.commands.ResumeDunning;
import com.example.dunning.workflows.commands.RetryNow;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningState;
import com.example.dunning.workflows.model.DunningStatus;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;

/**
 * Test-only stand-in for the dunning, which the reconciliation starts and signals: it runs until
 * told to check its provider or paid, and ends with the reason it was given. The real dunning's
 * answer to {@code checkProvider} is tested in the workflows module.
 */
public class StandInDunning implements DunningWorkflow {

  private CheckProvider check;
  private boolean paid;
  private int attemptCount;

  @Override
  public DunningResult run(DunningRequest request) {
    attemptCount = request.attemptCount();
    Workflow.await(() -> check != null || paid);
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    String reason = check == null ? "marked paid" : check.by() + ": " + check.reason();
    return new DunningResult(DunningStatus.RECOVERED, reason, now, attemptCount);
  }

  @Override
  public void paymentFailed(PaymentFailed event) {
    attemptCount = Math.max(attemptCount, event.attemptCount());
  }

  @Override
  public void markPaid(MarkPaid command) {
    paid = true;
  }

  @Override
  public void cancel(CancelDunning command) {}

  @Override
  public void pause(PauseDunning command) {}

  @Override
  public void resume(ResumeDunning command) {}

  @Override
  public void retryNow(RetryNow command) {}

  @Override
  public void paymentMethodUpdated(PaymentMethodUpdated event) {}

  @Override
  public void authenticationRequired(AuthenticationRequired event) {}

  @Override
  public void checkProvider(CheckProvider command) {
    check = command;
  }

  @Override
  public DunningState state() {
    return new DunningState(
        null,
        DunningStatus.ACTIVE,
        null,
        attemptCount,
        null,
        null,
        null,
        false,
        null,
        null,
        List.of());
  }

  // Updates: each does what its signal does and answers the state.

  @Override
  public DunningState markPaidByOperator(MarkPaid command) {
    markPaid(command);
    return state();
  }

  @Override
  public void validateMarkPaid(MarkPaid command) {}

  @Override
  public DunningState cancelByOperator(CancelDunning command) {
    cancel(command);
    return state();
  }

  @Override
  public void validateCancel(CancelDunning command) {}

  @Override
  public DunningState pauseByOperator(PauseDunning command) {
    pause(command);
    return state();
  }

  @Override
  public void validatePause(PauseDunning command) {}

  @Override
  public DunningState resumeByOperator(ResumeDunning command) {
    resume(command);
    return state();
  }

  @Override
  public void validateResume(ResumeDunning command) {}

  @Override
  public DunningState retryNowByOperator(RetryNow command) {
    retryNow(command);
    return state();
  }

  @Override
  public void validateRetryNow(RetryNow command) {}
}
