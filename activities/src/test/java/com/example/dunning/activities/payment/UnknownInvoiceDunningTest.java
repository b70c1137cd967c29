package com.example.dunning.activities.payment;

import static com.example.dunning.activities.DunningFixtures.policies;
import static com.example.dunning.activities.DunningFixtures.transaction;
import static com.example.dunning.workflows.testing.MockActivities.mockActivities;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.Patience;
import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.events.EventEndpointProperties;
import com.example.dunning.activities.events.EventEndpoints;
import com.example.dunning.activities.events.EventOutbox;
import com.example.dunning.activities.record.DunningRecords;
import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.PackageActivities;
import com.example.dunning.workflows.client.DunningStart;
import com.example.dunning.workflows.client.DunningStarter;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningSearchAttributes;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.DunningWorkflowImpl;
import com.example.dunning.workflows.dunning.PaymentFailed;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A webhook for an invoice Stripe does not know: the dunning on the real Stripe adapter (WireMock
 * answering 404 {@code resource_missing}) and the real record activities and outbox on the embedded
 * PostgreSQL ends {@code CANCELLED} before it was ever opened, and its close must still complete.
 * Real time, no timers: a close that failed and retried would show as a timeout here.
 */
class UnknownInvoiceDunningTest {

  private static final String INVOICE = "in_gone";
  private static final String DUNNING_ID = DunningIds.workflowId("stripe", INVOICE);
  private static final Instant FAILED_AT = Instant.parse("2025-03-01T10:15:30Z");

  private final WireMockServer stripeApi = new WireMockServer(wireMockConfig().dynamicPort());
  private final JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.dataSource());
  private TestWorkflowEnvironment env;

  @BeforeEach
  void start() {
    TestPostgres.truncateAll();
    stripeApi.start();
    stripeApi.stubFor(
        get(urlPathEqualTo("/v1/invoices/" + INVOICE))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        StripeFixtures.error(
                                "invalid_request_error",
                                "resource_missing",
                                "No such invoice: '" + INVOICE + "'")
                            .toString())));
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    DunningSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
    Worker worker = env.newWorker(DunningIds.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(DunningWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        payments(),
        mockActivities(NotificationActivities.class),
        mockActivities(PackageActivities.class),
        records());
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
    stripeApi.stop();
  }

  @Test
  void givenAWebhookForAnInvoiceStripeDoesNotKnow_itShouldEndCancelledAndRecordNothing()
      throws Exception {
    startByWebhook(1);

    DunningResult result = result();

    assertThat(result.outcome()).isEqualTo(DunningStatus.CANCELLED);
    assertThat(result.reason()).isEqualTo("invoice in_gone not found at stripe");
    stripeApi.verify(1, getRequestedFor(urlPathEqualTo("/v1/invoices/" + INVOICE)));
    assertNothingRecorded();
  }

  /** A later failure signalled before the provider answered is recorded just before the close. */
  @Test
  void givenALaterFailureSignalledAtTheStart_itShouldStillEndCancelledAndRecordNothing()
      throws Exception {
    startByWebhook(2);

    DunningResult result = result();

    assertThat(result.outcome()).isEqualTo(DunningStatus.CANCELLED);
    assertThat(result.attempts()).isEqualTo(2);
    assertNothingRecorded();
  }

  /** Signal-with-start as the Stripe webhook does it, for the request's first failed attempt. */
  private void startByWebhook(int signalledAttempt) {
    DunningRequest request =
        new DunningRequest(
            "stripe", INVOICE, "cus_1", "ada@example.com", 1999, "usd", 1, FAILED_AT);
    new DunningStarter(env.getWorkflowClient())
        .signalWithStart(
            DunningStart.of(request, "Stripe"),
            DunningWorkflow.PAYMENT_FAILED,
            new PaymentFailed(signalledAttempt, null, "card_declined", null, FAILED_AT));
  }

  /** The dunning's result, or a failed assertion once {@link Patience#WAIT} has passed. */
  private DunningResult result() throws Exception {
    try {
      return env.getWorkflowClient()
          .newUntypedWorkflowStub(DUNNING_ID)
          .getResult(Patience.WAIT.toSeconds(), TimeUnit.SECONDS, DunningResult.class);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the dunning of an invoice unknown at the provider did not end within "
              + Patience.WAIT
              + ": one of its record activities kept failing and being retried",
          e);
    }
  }

  /** No row of the dunning anywhere: it was never opened, so there is nothing to close or tell. */
  private void assertNothingRecorded() {
    for (String table :
        List.of("failed_invoice", "payment_attempt", "dunning_log", "dunning_event")) {
      assertThat(
              jdbc.queryForObject(
                  "SELECT count(*) FROM " + table + " WHERE dunning_id = ?",
                  Integer.class,
                  DUNNING_ID))
          .as("rows in %s", table)
          .isZero();
    }
  }

  private ProviderPaymentActivities payments() {
    StripeProperties properties =
        new StripeProperties(
            "sk_test_dunning",
            stripeApi.baseUrl(),
            true,
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            2);
    DataSource dataSource = TestPostgres.dataSource();
    return new ProviderPaymentActivities(
        List.of(
            new StripePaymentProvider(
                StripeConfiguration.newClient(properties),
                new PaymentAttemptLedger(new DunningTables(jdbc), transaction(dataSource)),
                new CredentialRefusals(new SimpleMeterRegistry()))));
  }

  /** The worker's record activities, with an endpoint that wants every outbound event. */
  private DunningRecords records() {
    EventEndpointProperties.Endpoint receiver = new EventEndpointProperties.Endpoint();
    receiver.setUrl("https://receiver.example.com/events");
    receiver.setSecret(List.of("whsec_test_0123456789abcdef0123456789abcdef"));
    EventEndpointProperties settings = new EventEndpointProperties();
    settings.setEndpoints(List.of(receiver));
    DataSource dataSource = TestPostgres.dataSource();
    return new DunningRecords(
        new DunningTables(jdbc),
        policies(true),
        transaction(dataSource),
        new EventOutbox(jdbc, new EventEndpoints(settings)));
  }
}
