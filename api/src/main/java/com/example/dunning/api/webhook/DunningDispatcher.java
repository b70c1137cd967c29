package com.example.dunning.api.webhook;

import com.example.dunning.workflows.DunningIds;
import com.example.dunning.workflows.DunningWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import org.springframework.stereotype.Component;

/**
 * Sends a provider's event to the dunning of its invoice: how the webhooks and the generic intake
 * ({@code POST /api/v1/dunnings}) start and signal dunnings.
 */
@Component
public class DunningDispatcher {

  private final WorkflowClient client;

  DunningDispatcher(WorkflowClient client) {
    this.client = client;
  }

  /**
   * Signals the dunning of the invoice, starting it first if there is none. A dunning that has
   * ended is never started again for the same invoice (REJECT_DUPLICATE): the event is a duplicate
   * or came late, and nothing happens.
   */
  public WebhookOutcome signalWithStart(
      String eventType, DunningStart start, String signal, Object payload) {
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
      return WebhookOutcome.delivered(eventType, start.workflowId(), signal);
    } catch (WorkflowExecutionAlreadyStarted closed) {
      return WebhookOutcome.closed(eventType, start.workflowId(), signal);
    }
  }

  /** Signals the dunning only while it runs; an ended or unknown dunning is left alone. */
  WebhookOutcome signalIfRunning(
      String eventType, String workflowId, String signal, Object payload) {
    try {
      client.newUntypedWorkflowStub(workflowId).signal(signal, payload);
      return WebhookOutcome.delivered(eventType, workflowId, signal);
    } catch (WorkflowNotFoundException notRunning) {
      return WebhookOutcome.notRunning(eventType, workflowId, signal);
    }
  }
}
