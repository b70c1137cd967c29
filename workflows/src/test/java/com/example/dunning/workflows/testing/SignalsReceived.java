package com.example.dunning.workflows.testing;

import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;

/**
 * How many signals of one name a workflow's history holds, for the tests that check a signal was
 * sent once. A signal that arrives while a workflow task runs is written only after that task, so a
 * test counts after a later signal it sent last is in the history.
 */
public final class SignalsReceived {

  private SignalsReceived() {}

  public static long count(WorkflowClient client, String workflowId, String signalName) {
    return client.fetchHistory(workflowId).getEvents().stream()
        .filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
        .filter(
            event ->
                event
                    .getWorkflowExecutionSignaledEventAttributes()
                    .getSignalName()
                    .equals(signalName))
        .count();
  }
}
