package com.example.dunning.reliability.upgrade;

import com.example.dunning.workflows.dunning.DunningWorkflowImpl;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;

/**
 * {@link GraceFirstDunningWorkflow}'s change without its {@code getVersion} guard, as a hurried
 * upgrade would ship it: the replay of a dunning the first build started must reject it.
 */
public class UnguardedGraceFirstDunningWorkflow extends DunningWorkflowImpl {

  @WorkflowInit
  public UnguardedGraceFirstDunningWorkflow(DunningRequest request) {
    super(request);
  }

  @Override
  public DunningResult run(DunningRequest request) {
    Workflow.sleep(GraceFirstDunningWorkflow.GRACE);
    return super.run(request);
  }
}
