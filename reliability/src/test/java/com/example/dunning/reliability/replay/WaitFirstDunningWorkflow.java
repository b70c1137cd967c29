package com.example.dunning.reliability.replay;

import com.example.dunning.workflows.dunning.DunningWorkflowImpl;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;

/**
 * A deliberately incompatible change, for the replay test to catch: the dunning waits a minute
 * before it asks the provider, so its first command is a timer where every recorded history has the
 * provider read.
 */
public class WaitFirstDunningWorkflow extends DunningWorkflowImpl {

  @WorkflowInit
  public WaitFirstDunningWorkflow(DunningRequest request) {
    super(request);
  }

  @Override
  public DunningResult run(DunningRequest request) {
    Workflow.sleep(Duration.ofMinutes(1));
    return super.run(request);
  }
}
