package com.example.dunning.activities.payment;

import static com.example.dunning.activities.Patience.await;
import static com.example.dunning.activities.payment.StripeFixtures.JSON;
import static com.example.dunning.activities.payment.StripeFixtures.failedInvoice;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.reconciliation.OpenDunningCheck;
import com.example.dunning.activities.reconciliation.ReconciliationProperties;
import com.example.dunning.activities.reconciliation.ReconciliationTables;
import com.example.dunning.activities.reconciliation.Reconciliations;
import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.workflows.activities.ReconciliationActivities;
import com.example.dunning.workflows.activities.ReconciliationActivities.ListingRequest;
import com.example.dunning.workflows.activities.ReconciliationActivities.ListingResult;
import com.example.dunning.workflows.client.ReconciliationStart;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningSearchAttributes;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.reconciliation.ReconciliationWorkflow;
import com.example.dunning.workflows.reconciliation.ReconciliationWorkflowImpl;
import com.example.dunning.workflows.reconciliation.SweepNow;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.common.v1.Payloads;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reconciliation workflow and its real activities against WireMock speaking Stripe's API, the
 * embedded PostgreSQL and Temporal's test server; a stand-in dunning receives what they start and
 * signal.
 */
class StripeReconciliationTest {

  private static final Instant NOW = Instant.now();
  private static final long FRESH = NOW.minus(Duration.ofDays(3)).getEpochSecond();
  private static final long TOO_OLD = NOW.minus(Duration.ofDays(40)).getEpochSecond();

  private final JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.dataSource());
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private WireMockServer stripeApi;
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private Reconciliations reconciliations;

  @BeforeEach
  void start() {
    TestPostgres.truncateAll();
    jdbc.update("TRUNCATE reconciliation");
    stripeApi = new WireMockServer(wireMockConfig().dynamicPort());
    stripeApi.start();
    // stripe-java's own retries off: the activity's retries (with the cursor) are under test.
    var stripe =
        StripeConfiguration.newClient(
            new StripeProperties(
                "sk_test_dunning",
                stripeApi.baseUrl(),
                true,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                0));
    env = TestWorkflowEnvironment.newInstance();
    DunningSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
    client = env.getWorkflowClient();
    ReconciliationProperties properties =
        new ReconciliationProperties(true, Duration.ofMinutes(15), Duration.ofDays(35), 4);
    ReconciliationTables tables = new ReconciliationTables(jdbc);
    ProviderPaymentActivities payments =
        new ProviderPaymentActivities(
            List.of(
                new StripePaymentProvider(
                    stripe,
                    new PaymentAttemptLedger(new DunningTables(jdbc), null),
                    new CredentialRefusals(new SimpleMeterRegistry()))));
    Worker worker = env.newWorker(DunningIds.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(
        ReconciliationWorkflowImpl.class, StandInDunning.class);
    reconciliations =
        new Reconciliations(
            properties,
            tables,
            new StripeInvoiceSweep(stripe, client),
            new OpenDunningCheck(tables, payments, client, properties),
            meters);
    worker.registerActivitiesImplementations(reconciliations);
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
    stripeApi.stop();
  }

  @Test
  void
      givenThreePagesOfInvoices_whenSwept_itShouldOpenExactlyTheMissingDunningsAndNoneTheNextTime() {
    servePages(
        List.of(
            invoice("in_a1", "open", 1, FRESH), // no dunning: opened
            invoice("in_a2", "open", 2, FRESH), // in our records
            invoice("in_a3", "open", 0, FRESH)), // never attempted
        List.of(
            invoice("in_b1", "open", 1, FRESH), // running, not recorded yet
            invoice("in_b2", "paid", 2, FRESH), // paid
            invoice("in_b3", "open", 1, FRESH)), // no dunning: opened
        List.of(
            invoice("in_c1", "open", 1, TOO_OLD), // outside the look-back
            invoice("in_c2", "uncollectible", 3, FRESH),
            invoice("in_c3", "open", 3, FRESH))); // no dunning: opened
    recordDunning("in_a2", "ENDED");
    startStandIn("in_b1");

    ReconciliationStart.ensureRunning(client);
    Map<String, Object> first = awaitSweeps(1).get(0);

    assertThat(first)
        .containsEntry("invoices_scanned", 9)
        .containsEntry("dunnings_started", 3)
        .containsEntry("errors", 0);
    assertThat(
            runningDunnings("in_a1", "in_a2", "in_a3", "in_b2", "in_b3", "in_c1", "in_c2", "in_c3"))
        .containsExactly("in_a1", "in_b3", "in_c3");
    DunningRequest opened = requestOf("in_c3");
    assertThat(opened.attemptCount()).isEqualTo(3);
    assertThat(opened.customerId()).isEqualTo(StripeFixtures.CUSTOMER_ID);
    stripeApi.verify(
        getRequestedFor(urlPathEqualTo("/v1/invoices"))
            .withQueryParam("status", equalTo("open"))
            .withQueryParam("collection_method", equalTo("charge_automatically"))
            .withQueryParam("created[gte]", matching("\\d+")));

    client
        .newWorkflowStub(ReconciliationWorkflow.class, ReconciliationWorkflow.WORKFLOW_ID)
        .sweepNow(new SweepNow("test"));
    Map<String, Object> second = awaitSweeps(2).get(0);

    assertThat(second).containsEntry("invoices_scanned", 9).containsEntry("dunnings_started", 0);
    assertThat(meters.counter("dunning.reconciliation.dunnings.started").count()).isEqualTo(3);
    assertThat(meters.counter("dunning.reconciliation.sweeps").count()).isEqualTo(2);
  }

  @Test
  void givenADunningWhoseInvoiceWasPaidAtStripe_whenSwept_itShouldBeToldAtOnceAndEnd() {
    servePages(List.of());
    recordDunning("in_still_open", "ACTIVE");
    recordDunning("in_paid_elsewhere", "ACTIVE");
    recordDunning("in_paused_void", "PAUSED");
    WorkflowStub stillOpen = startStandIn("in_still_open");
    WorkflowStub paid = startStandIn("in_paid_elsewhere");
    WorkflowStub voided = startStandIn("in_paused_void");
    serveInvoice(failedInvoice("in_still_open"));
    ObjectNode paidInvoice = failedInvoice("in_paid_elsewhere");
    paidInvoice.put("status", "paid");
    serveInvoice(paidInvoice);
    ObjectNode voidInvoice = failedInvoice("in_paused_void");
    voidInvoice.put("status", "void");
    serveInvoice(voidInvoice);
    stripeApi.stubFor(
        get(urlPathEqualTo("/v1/subscriptions/" + StripeFixtures.SUBSCRIPTION_ID))
            .willReturn(okJson(StripeFixtures.subscription().toString())));

    ReconciliationStart.ensureRunning(client);
    Map<String, Object> sweep = awaitSweeps(1).get(0);

    assertThat(sweep)
        .containsEntry("dunnings_checked", 3)
        .containsEntry("dunnings_ended", 2)
        .containsEntry("errors", 0);
    assertThat(paid.getResult(DunningResult.class).reason())
        .isEqualTo("reconciliation: invoice paid at stripe");
    assertThat(voided.getResult(DunningResult.class).reason())
        .isEqualTo("reconciliation: invoice void at stripe");
    assertThat(stillOpen.describe().getStatus().name()).endsWith("RUNNING");
  }

  @Test
  void givenStripeAnswers429AfterTwoPages_whenTheListingIsRetried_itShouldResumeFromItsCursor() {
    String thirdPage = "third page";
    servePages(
        List.of(invoice("in_a1", "open", 1, FRESH), invoice("in_a2", "open", 1, FRESH)),
        List.of(invoice("in_b1", "open", 1, FRESH), invoice("in_b2", "open", 1, FRESH)),
        List.of(invoice("in_c1", "open", 1, FRESH)));
    // The third page is refused once with 429 (rate limited), then served.
    stripeApi.stubFor(
        page("in_b2")
            .inScenario(thirdPage)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\": {\"type\": \"invalid_request_error\", \"code\":"
                            + " \"rate_limit\", \"message\": \"Too many requests\"}}"))
            .willSetStateTo("served"));
    stripeApi.stubFor(
        page("in_b2")
            .inScenario(thirdPage)
            .whenScenarioStateIs("served")
            .willReturn(okJson(list(List.of(invoice("in_c1", "open", 1, FRESH)), false))));

    ReconciliationStart.ensureRunning(client);
    Map<String, Object> sweep = awaitSweeps(1).get(0);

    assertThat(sweep)
        .containsEntry("invoices_scanned", 5)
        .containsEntry("dunnings_started", 5)
        .containsEntry("errors", 0);
    stripeApi.verify(
        1,
        getRequestedFor(urlPathEqualTo("/v1/invoices")).withQueryParam("starting_after", absent()));
    stripeApi.verify(
        1,
        getRequestedFor(urlPathEqualTo("/v1/invoices"))
            .withQueryParam("starting_after", equalTo("in_a2")));
    stripeApi.verify(
        2,
        getRequestedFor(urlPathEqualTo("/v1/invoices"))
            .withQueryParam("starting_after", equalTo("in_b2")));
  }

  @Test
  void givenAWorkerThatDiedAfterThePageOne_whenTheNextAttemptRuns_itShouldNotListPageOneAgain() {
    servePages(
        List.of(invoice("in_a1", "open", 1, FRESH), invoice("in_a2", "open", 1, FRESH)),
        List.of(invoice("in_b1", "open", 1, FRESH)));
    TestActivityEnvironment activityEnv = TestActivityEnvironment.newInstance();
    try {
      activityEnv.registerActivitiesImplementations(reconciliations);
      // What Temporal hands the next attempt: the last heartbeat of the one whose worker died.
      activityEnv.setHeartbeatDetails(new StripeInvoiceSweep.Progress("in_a2", 2, 2, 0));
      ReconciliationActivities activities =
          activityEnv.newActivityStub(
              ReconciliationActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

      ListingResult listed =
          activities.startMissingDunnings(
              new ListingRequest("sweep-test", NOW.minus(Duration.ofDays(35))));

      assertThat(listed).isEqualTo(new ListingResult(3, 3, 0));
      stripeApi.verify(
          0,
          getRequestedFor(urlPathEqualTo("/v1/invoices"))
              .withQueryParam("starting_after", absent()));
      assertThat(runningDunnings("in_a1", "in_a2", "in_b1")).containsExactly("in_b1");
    } finally {
      activityEnv.close();
    }
  }

  // --- Stripe's list API, served page by page as stripe-java's auto-pagination asks ---

  @SafeVarargs
  private void servePages(List<ObjectNode>... pages) {
    String after = null;
    for (int i = 0; i < pages.length; i++) {
      boolean more = i < pages.length - 1;
      stripeApi.stubFor(page(after).willReturn(okJson(list(pages[i], more))));
      after = pages[i].isEmpty() ? null : pages[i].get(pages[i].size() - 1).get("id").asText();
    }
    if (pages.length == 0) {
      stripeApi.stubFor(page(null).willReturn(okJson(list(List.of(), false))));
    }
  }

  private static MappingBuilder page(String after) {
    MappingBuilder request = get(urlPathEqualTo("/v1/invoices"));
    return after == null
        ? request.withQueryParam("starting_after", absent())
        : request.withQueryParam("starting_after", equalTo(after));
  }

  private static String list(List<ObjectNode> invoices, boolean more) {
    ObjectNode list = JSON.createObjectNode();
    list.put("object", "list");
    list.put("url", "/v1/invoices");
    list.put("has_more", more);
    ArrayNode data = list.putArray("data");
    invoices.forEach(data::add);
    return list.toString();
  }

  private static ObjectNode invoice(String id, String status, int attempts, long created) {
    ObjectNode invoice = failedInvoice(id);
    invoice.put("status", status);
    invoice.put("attempt_count", attempts);
    invoice.put("created", created);
    invoice.put("collection_method", "charge_automatically");
    invoice.put("customer", StripeFixtures.CUSTOMER_ID);
    return invoice;
  }

  private void serveInvoice(ObjectNode invoice) {
    stripeApi.stubFor(
        get(urlPathEqualTo("/v1/invoices/" + invoice.get("id").asText()))
            .willReturn(okJson(invoice.toString())));
  }

  // --- our records and Temporal ---

  private void recordDunning(String invoiceId, String status) {
    jdbc.update(
        "INSERT INTO failed_invoice (dunning_id, provider, invoice_id, amount_due, currency,"
            + " failed_at, attempt_count, status, ended_at) VALUES (?, 'stripe', ?, 1999, 'nok',"
            + " now(), 1, ?, ?)",
        DunningIds.workflowId("stripe", invoiceId),
        invoiceId,
        status,
        "ENDED".equals(status) ? Timestamp.from(NOW) : null);
  }

  private WorkflowStub startStandIn(String invoiceId) {
    WorkflowStub dunning =
        client.newUntypedWorkflowStub(
            DunningWorkflow.TYPE,
            WorkflowOptions.newBuilder()
                .setWorkflowId(DunningIds.workflowId("stripe", invoiceId))
                .setTaskQueue(DunningIds.TASK_QUEUE)
                .build());
    dunning.start(new DunningRequest("stripe", invoiceId, "cus_x", null, 1999, "nok", 1, NOW));
    return dunning;
  }

  private List<String> runningDunnings(String... invoiceIds) {
    return Arrays.stream(invoiceIds)
        .filter(
            id -> {
              try {
                client.newUntypedWorkflowStub(DunningIds.workflowId("stripe", id)).describe();
                return true;
              } catch (WorkflowNotFoundException none) {
                return false;
              }
            })
        .toList();
  }

  private DunningRequest requestOf(String invoiceId) {
    Payloads input =
        client
            .fetchHistory(DunningIds.workflowId("stripe", invoiceId))
            .getEvents()
            .get(0)
            .getWorkflowExecutionStartedEventAttributes()
            .getInput();
    return DefaultDataConverter.newDefaultInstance()
        .fromPayloads(0, Optional.of(input), DunningRequest.class, DunningRequest.class);
  }

  /** The finished sweeps, newest first, once there are {@code count}. */
  private List<Map<String, Object>> awaitSweeps(int count) {
    String finished =
        "SELECT * FROM reconciliation WHERE finished_at IS NOT NULL ORDER BY started_at DESC";
    await().until(() -> jdbc.queryForList(finished).size() >= count);
    return jdbc.queryForList(finished);
  }
}
