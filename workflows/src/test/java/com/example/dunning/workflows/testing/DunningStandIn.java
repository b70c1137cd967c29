package com.example.dunning.workflows.testing;

import com.example.dunning.workflows.dunning.CancelDunning;
import com.example.dunning.workflows.dunning.CheckProvider;
import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.MarkPaid;
import com.example.dunning.workflows.dunning.PauseDunning;
import com.example.dunning.workflows.dunning.PaymentFailed;
import com.example.dunning.workflows.dunning.PaymentMethodUpdated;
import com.example.dunning.workflows.dunning.ResumeDunning;
import com.example.dunning.workflows.dunning.RetryNow;
import com.example.dunning.workflows.model.AuthenticationRequired;

/**
 * The base of the test-only stand-ins for the dunning, in this module's test-jar: a stand-in writes
 * {@code run} and {@code state} and overrides the signals it cares about. Every other signal does
 * nothing, every update does what its signal does and answers the state, and no validator refuses.
 * A new signal or update of {@link DunningWorkflow} is added here, once.
 */
public abstract class DunningStandIn implements DunningWorkflow {

  @Override
  public void paymentFailed(PaymentFailed event) {}

  @Override
  public void markPaid(MarkPaid command) {}

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
  public void checkProvider(CheckProvider command) {}

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
