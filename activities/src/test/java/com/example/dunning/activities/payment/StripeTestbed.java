package com.example.dunning.activities.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Stripe activities as the worker runs them, on Temporal's activity test environment, against
 * WireMock speaking the Stripe API and the embedded PostgreSQL.
 */
final class StripeTestbed implements AutoCloseable {

  final WireMockServer stripeApi;
  final TestActivityEnvironment temporal;
  final PaymentActivities activities;
  final JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.dataSource());
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  StripeTestbed() {
    stripeApi = new WireMockServer(wireMockConfig().dynamicPort());
    stripeApi.start();
    StripeProperties properties =
        new StripeProperties(
            "sk_test_dunning",
            stripeApi.baseUrl(),
            true,
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            2);
    StripePaymentProvider stripe =
        new StripePaymentProvider(
            StripeConfiguration.newClient(properties),
            new PaymentAttemptLedger(
                new DunningTables(jdbc),
                new TransactionTemplate(
                    new DataSourceTransactionManager(TestPostgres.dataSource()))),
            new CredentialRefusals(meters));
    temporal = TestActivityEnvironment.newInstance();
    temporal.registerActivitiesImplementations(new ProviderPaymentActivities(List.of(stripe)));
    activities =
        temporal.newActivityStub(
            PaymentActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());
  }

  /** How many of Stripe's answers with {@code status} refused our API key. */
  double refusals(int status) {
    Counter counter =
        meters
            .find(CredentialRefusals.METER)
            .tag("provider", "stripe")
            .tag("status", Integer.toString(status))
            .counter();
    return counter == null ? 0 : counter.count();
  }

  void reset() {
    stripeApi.resetAll();
    TestPostgres.truncateAll();
  }

  void respond(MappingBuilder request, int status, JsonNode body) {
    stripeApi.stubFor(
        request.willReturn(
            aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_test")
                .withBody(body.toString())));
  }

  void serveInvoice(String invoiceId, JsonNode invoice) {
    respond(get(urlPathEqualTo("/v1/invoices/" + invoiceId)), 200, invoice);
  }

  void serveSubscription(JsonNode subscription) {
    respond(
        get(urlPathEqualTo("/v1/subscriptions/" + subscription.get("id").asText())),
        200,
        subscription);
  }

  void answerPay(String invoiceId, int status, JsonNode body) {
    respond(post(urlPathEqualTo("/v1/invoices/" + invoiceId + "/pay")), status, body);
  }

  /** The failed invoice a payment attempt belongs to. */
  void openDunning(String dunningId, String invoiceId) {
    jdbc.update(
        "INSERT INTO failed_invoice (dunning_id, provider, invoice_id, amount_due, currency,"
            + " failed_at, attempt_count, status) VALUES (?, 'stripe', ?, 1999, 'nok', now(), 1,"
            + " 'ACTIVE')",
        dunningId,
        invoiceId);
  }

  @Override
  public void close() {
    temporal.close();
    stripeApi.stop();
  }
}
