package com.example.dunning.api.webhook;

import com.example.dunning.workflows.client.DunningStart;
import com.example.dunning.workflows.client.DunningStarter;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sends a provider's event to the dunning of its invoice: how the webhooks and the generic intake
 * ({@code POST /api/v1/dunnings}) start and signal dunnings.
 */
@Component
public class DunningDispatcher {

  private final WorkflowClient client;
  private final DunningStarter starter;

  DunningDispatcher(WorkflowClient client) {
    this.client = client;
    this.starter = new DunningStarter(client);
  }

  /**
   * Signals the dunning of the invoice, starting it first if there is none. A dunning that has
   * ended is never started again for the same invoice (REJECT_DUPLICATE): the event is a duplicate
   * or came late, and nothing happens.
   */
  public WebhookOutcome signalWithStart(
      String eventType, DunningStart start, String signal, Object payload) {
    if (starter.signalWithStart(start, signal, payload)) {
      return WebhookOutcome.delivered(eventType, start.workflowId(), signal);
    }
    return WebhookOutcome.closed(eventType, start.workflowId(), signal);
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
