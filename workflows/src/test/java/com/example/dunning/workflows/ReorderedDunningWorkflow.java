package com.example.dunning.workflows;

import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.activities.DunningRecordActivities.OpenDunning;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.activities.PaymentActivities.PaymentRef;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningState;
import com.example.dunning.workflows.testing.DunningStandIn;
import io.temporal.workflow.Workflow;

/**
 * A deliberately incompatible change, for the replay test to catch: it records the dunning before
 * it asks the provider, the reverse of the recorded order.
 */
public class ReorderedDunningWorkflow extends DunningStandIn {

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
  public DunningState state() {
    return null;
  }
}
