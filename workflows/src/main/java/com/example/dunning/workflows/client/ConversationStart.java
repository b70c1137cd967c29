package com.example.dunning.workflows.client;

import com.example.dunning.workflows.conversation.ConversationIds;
import com.example.dunning.workflows.conversation.ConversationRun;
import com.example.dunning.workflows.conversation.CustomerAction;
import com.example.dunning.workflows.conversation.CustomerConversationWorkflow;
import com.example.dunning.workflows.conversation.NoticeRequest;
import com.example.dunning.workflows.conversation.NoticeSlot;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.CustomerActionResult;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;

/**
 * Asks a customer's coordinator when a notice may go out, starting the coordinator when the
 * customer has none (update-with-start; a running one is used as it is).
 */
public final class ConversationStart {

  private ConversationStart() {}

  public static NoticeSlot reserveNotice(
      WorkflowClient client, String provider, String customerId, NoticeRequest request) {
    CustomerConversationWorkflow coordinator = coordinator(client, provider, customerId);
    return WorkflowClient.executeUpdateWithStart(
        coordinator::reserveNotice,
        request,
        UpdateOptions.<NoticeSlot>newBuilder()
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build(),
        new WithStartWorkflowOperation<>(
            coordinator::run, ConversationRun.first(provider, customerId)));
  }

  /**
   * Sends a customer-level action to the customer's coordinator, starting it when the customer has
   * none or it has ended; the update's id is the action's key, so Temporal drops a repeat that
   * reaches the same run. Answers once the coordinator has accepted it.
   */
  public static WorkflowUpdateHandle<CustomerActionResult> customerAction(
      WorkflowClient client, String provider, String customerId, CustomerAction action) {
    CustomerConversationWorkflow coordinator = coordinator(client, provider, customerId);
    String key =
        ConversationIds.actionKey(
            ConversationIds.workflowId(provider, customerId), action.requestId());
    return WorkflowClient.startUpdateWithStart(
        coordinator::customerAction,
        action,
        UpdateOptions.<CustomerActionResult>newBuilder()
            .setUpdateId(key)
            .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
            .build(),
        new WithStartWorkflowOperation<>(
            coordinator::run, ConversationRun.first(provider, customerId)));
  }

  private static CustomerConversationWorkflow coordinator(
      WorkflowClient client, String provider, String customerId) {
    return client.newWorkflowStub(
        CustomerConversationWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(ConversationIds.workflowId(provider, customerId))
            .setTaskQueue(DunningIds.TASK_QUEUE)
            .setWorkflowIdConflictPolicy(
                WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
            .build());
  }
}
