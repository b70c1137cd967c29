package com.example.dunning.activities.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.example.dunning.activities.Patience;
import com.example.dunning.activities.TestPostgres;
import com.example.dunning.workflows.activities.CustomerActionActivities.ActionRequest;
import com.example.dunning.workflows.dunning.CheckProvider;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.MarkPaid;
import com.example.dunning.workflows.model.ActedDunning;
import com.example.dunning.workflows.model.ActionClaimState;
import com.example.dunning.workflows.model.CustomerActionKind;
import com.example.dunning.workflows.model.CustomerActionResult;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.testing.DunningStandIn;
import com.example.dunning.workflows.testing.SignalsReceived;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.Workflow;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer-level action on real PostgreSQL and Temporal's test server, against stand-in
 * dunnings whose histories show every signal they were sent.
 */
class CustomerActionsTest {

  private final JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.dataSource());
  private final String customer = "cus_" + UUID.randomUUID().toString().substring(0, 8);
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private CustomerActions actions;

  /** Runs until marked paid; takes every other signal without a word. */
  public static class WaitingDunning extends DunningStandIn {
    private boolean paid;

    @Override
    public DunningResult run(DunningRequest request) {
      Workflow.await(() -> paid);
      return null;
    }

    @Override
    public void markPaid(MarkPaid command) {
      paid = true;
    }

    @Override
    public DunningState state() {
      return null;
    }
  }

  @BeforeEach
  void startTemporal() {
    env = TestWorkflowEnvironment.newInstance();
    env.newWorker(DunningIds.TASK_QUEUE).registerWorkflowImplementationTypes(WaitingDunning.class);
    env.start();
    client = env.getWorkflowClient();
    actions = new CustomerActions(TestPostgres.dataSource(), client);
  }

  @AfterEach
  void stopTemporal() {
    env.close();
  }

  @Test
  void givenTwoOpenDunningsAndAnEndedOne_itShouldSignalEachOpenOneOnceAndTheEndedNone() {
    String first = open("in_a", "ACTIVE");
    String second = open("in_b", "PAUSED");
    String ended = open("in_c", "RECOVERED");
    ActionRequest request = retry("req-1");

    CustomerActionResult result = actions.actForCustomer(request);
    CustomerActionResult again = actions.actForCustomer(request);

    assertThat(result.dunnings())
        .extracting(ActedDunning::dunningId, ActedDunning::state)
        .containsExactlyInAnyOrder(
            tuple(first, ActionClaimState.SIGNALLED), tuple(second, ActionClaimState.SIGNALLED));
    assertThat(again).isEqualTo(result);
    assertThat(settledRetrySignals(first)).isEqualTo(1);
    assertThat(settledRetrySignals(second)).isEqualTo(1);
    assertThat(settledRetrySignals(ended)).isZero();
  }

  @Test
  void givenAWorkerKilledAfterTheSignalBeforeTheClaimWasMarked_itShouldNotSignalAgain() {
    String dunning = open("in_k", "ACTIVE");
    ActionRequest request = retry("req-killed");
    actions.actForCustomer(request);
    jdbc.update(
        "UPDATE customer_action_dunning SET state = 'CLAIMED' WHERE action_key = ?",
        request.actionKey());

    // The killed worker's signal is in the history before the next attempt reads it (as a retry's
    // backoff lets the dunning's workflow task finish, which a signal may wait behind).
    Patience.await().until(() -> retrySignals(dunning) == 1);
    CustomerActionResult retried = actions.actForCustomer(request);

    assertThat(settledRetrySignals(dunning)).isEqualTo(1);
    assertThat(retried.dunnings())
        .extracting(ActedDunning::state)
        .containsExactly(ActionClaimState.SIGNALLED);
  }

  @Test
  void givenADunningThatEndsBetweenTheClaimAndTheSignal_itShouldMarkItEnded() {
    String dunning = open("in_e", "ACTIVE");
    client.newWorkflowStub(DunningWorkflow.class, dunning).markPaid(new MarkPaid("test", null));
    client.newUntypedWorkflowStub(dunning).getResult(Void.class);

    CustomerActionResult result = actions.actForCustomer(retry("req-ended"));

    assertThat(result.dunnings())
        .extracting(ActedDunning::state)
        .containsExactly(ActionClaimState.ENDED);
  }

  @Test
  void givenADunningTemporalNoLongerKeeps_itShouldMarkItEndedRatherThanRetryForever() {
    String forgotten = record("in_f", "ACTIVE");

    CustomerActionResult result = actions.actForCustomer(retry("req-forgotten"));

    assertThat(result.dunnings())
        .extracting(ActedDunning::dunningId, ActedDunning::state)
        .containsExactly(tuple(forgotten, ActionClaimState.ENDED));
  }

  /** A dunning of the customer: its record in the given status, and its workflow running. */
  private String open(String invoicePrefix, String status) {
    String dunningId = record(invoicePrefix, status);
    DunningWorkflow workflow =
        client.newWorkflowStub(
            DunningWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(dunningId)
                .setTaskQueue(DunningIds.TASK_QUEUE)
                .build());
    WorkflowClient.start(workflow::run, (DunningRequest) null);
    return dunningId;
  }

  /** Only the dunning's record, as PostgreSQL keeps it. */
  private String record(String invoicePrefix, String status) {
    String invoice = invoicePrefix + "_" + customer;
    String dunningId = DunningIds.workflowId("stripe", invoice);
    jdbc.update(
        "INSERT INTO failed_invoice (dunning_id, provider, invoice_id, amount_due, currency,"
            + " customer_id, failed_at, attempt_count, status, ended_at)"
            + " VALUES (?, 'stripe', ?, 1999, 'usd', ?, ?, 1, ?, ?)",
        dunningId,
        invoice,
        customer,
        Timestamp.from(Instant.now()),
        status,
        status.equals("RECOVERED") ? Timestamp.from(Instant.now()) : null);
    return dunningId;
  }

  private ActionRequest retry(String requestId) {
    return new ActionRequest(
        "dunning-customer-stripe-" + customer + ":action:" + requestId,
        "stripe",
        customer,
        CustomerActionKind.RETRY_NOW,
        "alice",
        null);
  }

  /**
   * The retries signalled to the dunning, once every signal sent before is in its history: a signal
   * that arrives while a workflow task runs is written to the history only after it, so a barrier
   * signal sent last is awaited first.
   */
  private long settledRetrySignals(String dunningId) {
    String barrier = "barrier-" + UUID.randomUUID();
    client
        .newWorkflowStub(DunningWorkflow.class, dunningId)
        .checkProvider(new CheckProvider("test", barrier));
    Patience.await()
        .until(
            () ->
                client.fetchHistory(dunningId).getEvents().stream()
                    .anyMatch(
                        event ->
                            event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED
                                && event
                                    .getWorkflowExecutionSignaledEventAttributes()
                                    .getInput()
                                    .toString()
                                    .contains(barrier)));
    return retrySignals(dunningId);
  }

  private long retrySignals(String dunningId) {
    return SignalsReceived.count(client, dunningId, DunningWorkflow.RETRY_NOW);
  }
}
