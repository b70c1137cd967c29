package com.example.dunning.workflows.client;

import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.reconciliation.ReconciliationRun;
import com.example.dunning.workflows.reconciliation.ReconciliationWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

/** Starts the reconciliation workflow unless it runs already: every worker does at start-up. */
public final class ReconciliationStart {

  private ReconciliationStart() {}

  /**
   * A second start returns the running workflow (USE_EXISTING); one that was terminated or failed
   * is started anew (ALLOW_DUPLICATE).
   *
   * @return the running execution, new or not
   */
  public static WorkflowExecution ensureRunning(WorkflowClient client) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(ReconciliationWorkflow.WORKFLOW_ID)
            .setTaskQueue(DunningIds.TASK_QUEUE)
            .setWorkflowIdConflictPolicy(
                WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
            .setStaticSummary(
                "Reconciliation: opens the dunnings whose webhook never came, ends those paid at"
                    + " the provider")
            .build();
    ReconciliationWorkflow reconciliation =
        client.newWorkflowStub(ReconciliationWorkflow.class, options);
    return WorkflowClient.start(reconciliation::run, ReconciliationRun.first());
  }
}
