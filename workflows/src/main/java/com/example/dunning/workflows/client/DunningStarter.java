package com.example.dunning.workflows.client;

import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;

/**
 * Opens or reaches the dunning of an invoice: the one way both the webhook and the reconciliation
 * sweep start dunnings, so that a sweep racing a late webhook still gives exactly one workflow.
 */
public final class DunningStarter {

  private final WorkflowClient client;

  public DunningStarter(WorkflowClient client) {
    this.client = client;
  }

  /**
   * Signals the dunning of the invoice, starting it first if there is none. A dunning that has
   * ended is never started again for the same invoice (REJECT_DUPLICATE).
   *
   * @return false when the invoice's dunning has ended already, and nothing happened
   */
  public boolean signalWithStart(DunningStart start, String signal, Object payload) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(start.workflowId())
            .setTaskQueue(DunningIds.TASK_QUEUE)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .setTypedSearchAttributes(start.searchAttributes())
            .setStaticSummary(start.summary())
            .build();
    WorkflowStub dunning = client.newUntypedWorkflowStub(DunningWorkflow.TYPE, options);
    try {
      dunning.signalWithStart(signal, new Object[] {payload}, new Object[] {start.request()});
      return true;
    } catch (WorkflowExecutionAlreadyStarted raced) {
      return signalRunning(start.workflowId(), signal, payload);
    }
  }

  /**
   * After a refused start, the invoice's dunning has either ended (REJECT_DUPLICATE) or was started
   * by a concurrent delivery a moment ago (a server whose signal-with-start does not look up and
   * start atomically, as the test server's): signalling it tells the two apart.
   */
  private boolean signalRunning(String workflowId, String signal, Object payload) {
    try {
      client.newUntypedWorkflowStub(workflowId).signal(signal, payload);
      return true;
    } catch (WorkflowNotFoundException closed) {
      return false;
    }
  }
}
