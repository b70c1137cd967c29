package com.example.dunning.api.customers;

import com.example.dunning.api.customers.CustomerView.Conversation;
import com.example.dunning.api.customers.CustomerView.CustomerDunning;
import com.example.dunning.workflows.conversation.ConversationIds;
import com.example.dunning.workflows.conversation.ConversationState;
import com.example.dunning.workflows.conversation.CustomerConversationWorkflow;
import com.example.dunning.workflows.conversation.ReservedNotice;
import com.example.dunning.workflows.dunning.DunningIds;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowServiceException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A customer's view: their dunnings and sent notices from PostgreSQL, and what their coordinator
 * defers from its {@code state} query when it runs.
 */
@Component
public class CustomerViews {

  private final CustomerRecords records;
  private final WorkflowClient client;
  private final boolean conversations;

  CustomerViews(
      CustomerRecords records,
      WorkflowClient client,
      @Value("${dunning.conversation.enabled:false}") boolean conversations) {
    this.records = records;
    this.client = client;
    this.conversations = conversations;
  }

  public boolean conversationsOn() {
    return conversations;
  }

  /**
   * @throws CustomerProblem 400 for a provider not of the shape or never recorded, or a customer id
   *     not of the shape; 404 for a customer with no dunning recorded at the provider
   */
  public CustomerView of(String provider, String customerId) {
    String coordinatorId = coordinatorId(provider, customerId);
    List<CustomerDunning> dunnings = records.dunnings(provider, customerId);
    if (dunnings.isEmpty()) {
      throw new CustomerProblem(
          CustomerProblem.Kind.UNKNOWN_CUSTOMER,
          "no dunning of customer " + customerId + " at " + provider + " is recorded");
    }
    Conversation conversation = Conversation.OFF;
    List<ReservedNotice> deferred = List.of();
    List<CustomerView.PlannedMessage> planned = List.of();
    if (conversations) {
      ConversationState state = coordinatorState(coordinatorId);
      conversation = state == null ? Conversation.NOT_RUNNING : Conversation.RUNNING;
      if (state != null) {
        deferred = state.deferred();
        planned =
            state.messages() == null
                ? List.of()
                : state.messages().stream()
                    .filter(message -> !message.done())
                    .map(CustomerView.PlannedMessage::of)
                    .toList();
      }
    }
    return new CustomerView(
        provider,
        customerId,
        coordinatorId,
        conversation,
        dunnings.stream().filter(dunning -> dunning.endedAt() == null).toList(),
        dunnings.stream().filter(dunning -> dunning.endedAt() != null).toList(),
        records.sentNotices(provider, customerId),
        deferred,
        planned);
  }

  /**
   * The coordinator's id once the provider and customer id are checked.
   *
   * @throws CustomerProblem as {@link #of}, but for a customer without dunnings
   */
  String coordinatorId(String provider, String customerId) {
    if (!DunningIds.isProviderName(provider)) {
      throw new CustomerProblem(
          CustomerProblem.Kind.UNKNOWN_PROVIDER,
          "provider: '" + provider + "' is no provider name (" + DunningIds.providerRule() + ")");
    }
    String coordinatorId;
    try {
      coordinatorId = ConversationIds.workflowId(provider, customerId);
    } catch (IllegalArgumentException e) {
      throw new CustomerProblem(CustomerProblem.Kind.INVALID, e.getMessage());
    }
    if (!records.knowsProvider(provider)) {
      throw new CustomerProblem(
          CustomerProblem.Kind.UNKNOWN_PROVIDER,
          "provider: no dunning of '"
              + provider
              + "' is recorded; providers are named as in the dunning ids, e.g. stripe,"
              + " elasticpath, frontpayment");
    }
    return coordinatorId;
  }

  /** The coordinator's state, or null when none runs (an ended run still answers queries). */
  private ConversationState coordinatorState(String coordinatorId) {
    try {
      WorkflowExecutionStatus status =
          client.newUntypedWorkflowStub(coordinatorId).describe().getStatus();
      if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return null;
      }
      return client.newWorkflowStub(CustomerConversationWorkflow.class, coordinatorId).state();
    } catch (WorkflowNotFoundException | WorkflowQueryException e) {
      return null;
    } catch (WorkflowServiceException e) {
      if (e.getCause() instanceof StatusRuntimeException grpc
          && grpc.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }
}
