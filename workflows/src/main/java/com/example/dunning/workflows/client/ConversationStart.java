package com.example.dunning.workflows.client;

import com.example.dunning.workflows.conversation.ConversationIds;
import com.example.dunning.workflows.conversation.ConversationRun;
import com.example.dunning.workflows.conversation.CustomerConversationWorkflow;
import com.example.dunning.workflows.conversation.NoticeRequest;
import com.example.dunning.workflows.conversation.NoticeSlot;
import com.example.dunning.workflows.dunning.DunningIds;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;

/**
 * Asks a customer's coordinator when a notice may go out, starting the coordinator when the
 * customer has none (update-with-start; a running one is used as it is).
 */
public final class ConversationStart {

  private ConversationStart() {}

  public static NoticeSlot reserveNotice(
      WorkflowClient client, String provider, String customerId, NoticeRequest request) {
    CustomerConversationWorkflow coordinator =
        client.newWorkflowStub(
            CustomerConversationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ConversationIds.workflowId(provider, customerId))
                .setTaskQueue(DunningIds.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    return WorkflowClient.executeUpdateWithStart(
        coordinator::reserveNotice,
        request,
        UpdateOptions.<NoticeSlot>newBuilder()
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build(),
        new WithStartWorkflowOperation<>(
            coordinator::run, ConversationRun.first(provider, customerId)));
  }
}
