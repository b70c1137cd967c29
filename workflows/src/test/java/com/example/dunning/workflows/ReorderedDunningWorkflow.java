package com.example.dunning.workflows;

import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.activities.DunningRecordActivities.OpenDunning;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.activities.PaymentActivities.PaymentRef;
import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.testing.DunningStandIn;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * A deliberately incompatible change, for the replay test to catch: it records the dunning before
 * it asks the provider, the reverse of the recorded order.
 */
public class ReorderedDunningWorkflow extends DunningStandIn {

  private static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(20)).build();

  private final PaymentActivities payments =
      Workflow.newActivityStub(PaymentActivities.class, OPTIONS);
  private final DunningRecordActivities records =
      Workflow.newActivityStub(DunningRecordActivities.class, OPTIONS);

  @Override
  public DunningResult run(DunningRequest request) {
    records.openDunning(new OpenDunning(Workflow.getInfo().getWorkflowId(), request, null));
    payments.fetchPayment(new PaymentRef(request.provider(), request.invoiceId()));
    return null;
  }

  @Override
  public DunningState state() {
    return null;
  }
}
