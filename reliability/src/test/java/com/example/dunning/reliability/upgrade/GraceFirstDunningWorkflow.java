package com.example.dunning.reliability.upgrade;

import com.example.dunning.workflows.dunning.DunningWorkflowImpl;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;

/**
 * The second build of the upgrade scenario: the same workflow type, with one change to its commands
 * behind {@code Workflow.getVersion}. A new dunning waits a short grace before it first asks the
 * provider (so that a paid event racing the failure lands first); a dunning started by the first
 * build gets {@code DEFAULT_VERSION} on replay and goes on as it began.
 */
public class GraceFirstDunningWorkflow extends DunningWorkflowImpl {

  /** The change's id in the version marker. */
  public static final String CHANGE = "first-read-grace";

  static final Duration GRACE = Duration.ofSeconds(1);

  @WorkflowInit
  public GraceFirstDunningWorkflow(DunningRequest request) {
    super(request);
  }

  @Override
  public DunningResult run(DunningRequest request) {
    if (Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      Workflow.sleep(GRACE);
    }
    return super.run(request);
  }
}
