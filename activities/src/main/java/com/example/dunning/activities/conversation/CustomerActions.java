package com.example.dunning.activities.conversation;

import com.example.dunning.workflows.activities.CustomerActionActivities;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.PaymentMethodUpdated;
import com.example.dunning.workflows.dunning.RetryNow;
import com.example.dunning.workflows.model.ActedDunning;
import com.example.dunning.workflows.model.ActionClaimState;
import com.example.dunning.workflows.model.CustomerActionResult;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a customer-level action to each of the customer's open dunnings as the dunning's own
 * signal. The dunning's signals carry no key, so the sender keeps them single: a claim row per
 * action and dunning, locked while it is signalled and marked after; before each signal the
 * dunning's history is read, so a claim a killed worker left unmarked after its signal went out is
 * only marked.
 */
@Component
@ConditionalOnProperty(name = "dunning.conversation.enabled", havingValue = "true")
public class CustomerActions implements CustomerActionActivities {

  private static final Logger log = LoggerFactory.getLogger(CustomerActions.class);

  private final CustomerActionTables tables;
  private final TransactionTemplate transaction;
  private final WorkflowClient temporal;

  public CustomerActions(DataSource dataSource, WorkflowClient temporal) {
    this.tables = new CustomerActionTables(new JdbcTemplate(dataSource));
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.temporal = temporal;
  }

  @Override
  public CustomerActionResult actForCustomer(ActionRequest request) {
    transaction.executeWithoutResult(status -> tables.claimOnce(request));
    for (ActedDunning claim : tables.claims(request.actionKey())) {
      if (claim.state() == ActionClaimState.CLAIMED) {
        transaction.executeWithoutResult(status -> signalOnce(request, claim.dunningId()));
      }
    }
    return new CustomerActionResult(
        request.actionKey(), request.kind(), tables.claims(request.actionKey()));
  }

  /** In one transaction holding the claim's row, so two attempts never signal at once. */
  private void signalOnce(ActionRequest request, String dunningId) {
    if (tables.lock(request.actionKey(), dunningId).orElse(null) != ActionClaimState.CLAIMED) {
      return;
    }
    ActionClaimState state;
    try {
      if (!signalledBefore(request, dunningId)) {
        temporal.newUntypedWorkflowStub(dunningId).signal(signalName(request), payload(request));
        log.info("{}: {} for the customer ({})", dunningId, request.kind(), request.actionKey());
      }
      state = ActionClaimState.SIGNALLED;
    } catch (WorkflowNotFoundException ended) {
      state = ActionClaimState.ENDED;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
      state = ActionClaimState.ENDED; // Temporal no longer keeps its history: long ended
    }
    tables.mark(request.actionKey(), dunningId, state);
  }

  /**
   * Whether an earlier attempt's signal reached the dunning before its claim was marked: its
   * payload, JSON as the default data converter writes it, names the action.
   */
  private boolean signalledBefore(ActionRequest request, String dunningId) {
    for (HistoryEvent event : temporal.fetchHistory(dunningId).getEvents()) {
      if (event.getEventType() != EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED) {
        continue;
      }
      var signal = event.getWorkflowExecutionSignaledEventAttributes();
      if (signal.getSignalName().equals(signalName(request))
          && signal.getInput().getPayloadsList().stream()
              .anyMatch(p -> p.getData().toStringUtf8().contains(request.actionKey()))) {
        return true;
      }
    }
    return false;
  }

  private static String signalName(ActionRequest request) {
    return switch (request.kind()) {
      case RETRY_NOW -> DunningWorkflow.RETRY_NOW;
      case PAYMENT_METHOD_UPDATED -> DunningWorkflow.PAYMENT_METHOD_UPDATED;
    };
  }

  /** The dunning's own payload, its {@code by} naming the action so its history shows it. */
  private static Object payload(ActionRequest request) {
    String by =
        (request.by() == null ? "customer" : request.by()) + " (" + request.actionKey() + ")";
    return switch (request.kind()) {
      case RETRY_NOW -> new RetryNow(by);
      case PAYMENT_METHOD_UPDATED -> new PaymentMethodUpdated(request.paymentMethodId(), by);
    };
  }
}
