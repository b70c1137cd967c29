package com.example.dunning.workflows;

import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.activities.DunningRecordActivities.OpenDunning;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.activities.PaymentActivities.PaymentRef;
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
import io.temporal.workflow.Workflow;

/**
 * A deliberately incompatible change, for the replay test to catch: it records the dunning before
 * it asks the provider, the reverse of the recorded order.
 */
public class ReorderedDunningWorkflow implements DunningWorkflow {

  private final PaymentActivities payments =
      Workflow.newActivityStub(PaymentActivities.class, DunningActivityOptions.PROVIDER);
  private final DunningRecordActivities records =
      Workflow.newActivityStub(DunningRecordActivities.class, DunningActivityOptions.RECORD);

  @Override
  public DunningResult run(DunningRequest request) {
    records.openDunning(new OpenDunning(Workflow.getInfo().getWorkflowId(), request, null));
    payments.fetchPayment(new PaymentRef(request.provider(), request.invoiceId()));
    return null;
  }

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
  public DunningState state() {
    return null;
  }

  // Updates: not used by the replay test.

  @Override
  public DunningState markPaidByOperator(MarkPaid command) {
    return null;
  }

  @Override
  public void validateMarkPaid(MarkPaid command) {}

  @Override
  public DunningState cancelByOperator(CancelDunning command) {
    return null;
  }

  @Override
  public void validateCancel(CancelDunning command) {}

  @Override
  public DunningState pauseByOperator(PauseDunning command) {
    return null;
  }

  @Override
  public void validatePause(PauseDunning command) {}

  @Override
  public DunningState resumeByOperator(ResumeDunning command) {
    return null;
  }

  @Override
  public void validateResume(ResumeDunning command) {}

  @Override
  public DunningState retryNowByOperator(RetryNow command) {
    return null;
  }

  @Override
  public void validateRetryNow(RetryNow command) {}
}
