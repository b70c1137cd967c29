package com.example.dunning.api.customers;

import com.example.dunning.workflows.client.ConversationStart;
import com.example.dunning.workflows.conversation.ConversationIds;
import com.example.dunning.workflows.conversation.CustomerAction;
import com.example.dunning.workflows.model.CustomerActionKind;
import com.example.dunning.workflows.model.CustomerActionResult;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateTimeoutOrCancelledException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends a customer-level action to the customer's coordinator (update-with-start: it may be idle or
 * ended), keyed by the caller's request id, and waits for its answer as the per-dunning actions do.
 */
@Component
public class CustomerActionSender {

  private final CustomerViews customers;
  private final CustomerRecords records;
  private final WorkflowClient client;
  private final Duration wait;

  CustomerActionSender(
      CustomerViews customers,
      CustomerRecords records,
      WorkflowClient client,
      @Value("${dunning.api.action-wait:PT10S}") Duration wait) {
    this.customers = customers;
    this.records = records;
    this.client = client;
    this.wait = wait;
  }

  /**
   * @param result null when the coordinator accepted the action but had not finished it within the
   *     wait; it still runs
   */
  public record Outcome(String actionKey, CustomerActionResult result) {
    public boolean done() {
      return result != null;
    }
  }

  /**
   * @throws CustomerProblem 409 when conversations are off; 400 and 404 as {@link
   *     CustomerViews#of}, and 400 for a request id not of the shape
   */
  public Outcome act(
      String provider,
      String customerId,
      CustomerActionKind kind,
      String requestId,
      String by,
      String paymentMethodId) {
    if (!customers.conversationsOn()) {
      throw new CustomerProblem(
          CustomerProblem.Kind.CONVERSATION_OFF,
          "customer actions need dunning.conversation.enabled=true on the API and the workers;"
              + " act on each dunning instead (POST /api/v1/dunnings/{id}/retry-now)");
    }
    String coordinatorId = customers.coordinatorId(provider, customerId);
    String actionKey;
    try {
      actionKey = ConversationIds.actionKey(coordinatorId, requestId);
    } catch (IllegalArgumentException e) {
      throw new CustomerProblem(
          CustomerProblem.Kind.INVALID, "Idempotency-Key: required; " + e.getMessage());
    }
    if (records.dunnings(provider, customerId).isEmpty()) {
      throw new CustomerProblem(
          CustomerProblem.Kind.UNKNOWN_CUSTOMER,
          "no dunning of customer " + customerId + " at " + provider + " is recorded");
    }
    try {
      WorkflowUpdateHandle<CustomerActionResult> handle =
          ConversationStart.customerAction(
              client,
              provider,
              customerId,
              new CustomerAction(requestId, kind, by, paymentMethodId));
      return new Outcome(actionKey, handle.getResult(wait.toMillis(), TimeUnit.MILLISECONDS));
    } catch (WorkflowUpdateTimeoutOrCancelledException slow) {
      return new Outcome(actionKey, null);
    } catch (WorkflowUpdateException refused) {
      if (refused.getCause() instanceof ApplicationFailure failure
          && IllegalArgumentException.class.getName().equals(failure.getType())) {
        throw new CustomerProblem(CustomerProblem.Kind.INVALID, failure.getOriginalMessage());
      }
      throw new CustomerProblem(
          CustomerProblem.Kind.RETRY,
          "the customer's coordinator did not finish the action ("
              + refused.getCause().getMessage()
              + "); send it again with the same Idempotency-Key: it acts once");
    }
  }
}
