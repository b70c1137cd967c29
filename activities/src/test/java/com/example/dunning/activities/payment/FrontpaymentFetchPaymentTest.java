package com.example.dunning.activities.payment;

import static com.example.dunning.activities.Patience.await;
import static com.example.dunning.activities.payment.ProviderTestbed.resource;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.example.dunning.workflows.activities.FailureTypes;
import com.example.dunning.workflows.activities.PaymentActivities.ChargeRequest;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

class FrontpaymentFetchPaymentTest {

  static final String ORDER = "ODR1530327942";
  static final String DETAILS = "/api/v1/connect/subscriptions/failed/details/" + ORDER;

  /** Seed 004's example response as its page shows it, which elides logs with "...". */
  static final String SEED_BODY = resource("frontpayment/failed-details.seed.txt");

  /** The same with the elision removed, and nothing else changed. */
  static final String SEED_JSON = resource("frontpayment/failed-details.json");

  private static ProviderTestbed testbed;

  @BeforeAll
  static void start() {
    testbed = new ProviderTestbed().configured();
  }

  @AfterAll
  static void stop() {
    testbed.close();
  }

  @BeforeEach
  void reset() {
    testbed.api.resetAll();
  }

  @Test
  void givenTheSeedsFailedOrder_whenFetching_itShouldMapEveryFieldWithTheBearerToken() {
    serve(SEED_JSON);

    PaymentDetails payment = testbed.fetch("frontpayment", ORDER);

    assertThat(payment)
        .isEqualTo(
            new PaymentDetails(
                "frontpayment",
                ORDER,
                InvoiceStatus.OPEN,
                250_000,
                "nok",
                0,
                null,
                null,
                new Customer(null, "Nafees", "[email\u00a0protected]", "+4746567468", null),
                "SUB2532543787",
                null,
                "Health Check Service 3",
                null,
                null,
                null,
                null,
                false,
                Map.of(
                    "order_date", "2024-12-19",
                    "date_created", "2024-12-19",
                    "pay_link_due_at", "2025-01-02T05:47:11Z",
                    "invoiced", "true",
                    "send_order_via_sms", "false",
                    "send_order_via_email", "true",
                    "paid_cycles", "5",
                    "repeats", "5",
                    "locale", "nb-NO")));
    testbed.api.verify(
        getRequestedFor(urlPathEqualTo(DETAILS))
            .withHeader("Authorization", equalTo("Bearer " + ProviderTestbed.FRONTPAYMENT_TOKEN)));
  }

  @Test
  void givenTheSeedsExampleByteForByte_whenFetching_itShouldFailForGoodAsNotJson() {
    serve(SEED_BODY);

    ApplicationFailure failure = testbed.failureOf("frontpayment", ORDER);

    assertThat(failure.getType()).isEqualTo(FailureTypes.MALFORMED_ANSWER);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("body not JSON");
  }

  @ParameterizedTest
  @CsvSource({
    "PAID, PAID",
    "paid, PAID",
    "INVOICED, OPEN",
    "FAILED, OPEN",
    "debtCollection, UNCOLLECTIBLE",
    "CANCELLED, VOID"
  })
  void givenAnOrderStatus_whenFetching_itShouldMapIt(String status, InvoiceStatus expected) {
    serve(SEED_JSON.replace("\"status\": \"INVOICED\"", "\"status\": \"" + status + "\""));

    assertThat(testbed.fetch("frontpayment", ORDER).status()).isEqualTo(expected);
  }

  @Test
  void givenAStatusWeDoNotKnow_whenFetching_itShouldFailForGoodNamingTheField() {
    serve(SEED_JSON.replace("\"status\": \"INVOICED\"", "\"status\": \"ON_HOLD\""));

    ApplicationFailure failure = testbed.failureOf("frontpayment", ORDER);

    assertThat(failure.getType()).isEqualTo(FailureTypes.MALFORMED_ANSWER);
    assertThat(failure.getOriginalMessage()).contains("data.details.status").contains("ON_HOLD");
  }

  @Test
  void givenFailedPaymentsInTheLogs_whenFetching_itShouldCountThemAndReportTheLatest() {
    serve(
        SEED_JSON
            .replaceFirst(
                "\"title\": \"ORDER RESENT\",\\s*\"datetime\": \"05.03.2025 05:51\",\\s*\"note\":"
                    + " \"\",\\s*\"status\": \"SUCCESS\"",
                "\"title\": \"PAYMENT FAILED\", \"datetime\": \"06.03.2025 09:00\", \"note\": \"\","
                    + " \"status\": \"FAILED\"")
            .replaceFirst(
                "\"title\": \"ORDER RESENT\",\\s*\"datetime\": \"05.03.2025 05:49\",\\s*\"note\":"
                    + " \"\",\\s*\"status\": \"SUCCESS\"",
                "\"title\": \"CARD DECLINED\", \"datetime\": \"01.03.2025 10:30\", \"note\": \"\","
                    + " \"status\": \"FAILED\""));

    PaymentDetails payment = testbed.fetch("frontpayment", ORDER);

    assertThat(payment.attemptCount()).isEqualTo(2);
    assertThat(payment.failureCode()).isEqualTo("PAYMENT FAILED");
  }

  @Test
  void givenALogDateInAnotherFormat_whenFetching_itShouldFailForGoodNamingTheField() {
    serve(SEED_JSON.replace("\"05.03.2025 05:49\"", "\"2025-03-05T05:49\""));

    assertThat(testbed.failureOf("frontpayment", ORDER).getOriginalMessage())
        .contains("data.logs[1].datetime not dd.MM.yyyy HH:mm");
  }

  @Test
  void givenAFlagThatIsNeitherZeroNorOne_whenFetching_itShouldFailForGoodNamingTheField() {
    serve(SEED_JSON.replace("\"isInvoiced\": 1", "\"isInvoiced\": 2"));

    assertThat(testbed.failureOf("frontpayment", ORDER).getOriginalMessage())
        .contains("data.details.isInvoiced not 0 or 1");
  }

  @Test
  void givenNullableFieldsLeftNull_whenFetching_itShouldMapWithoutThem() {
    serve(
        SEED_JSON
            .replace("\"email\": \"[email\u00a0protected]\"", "\"email\": null")
            .replace("\"msisdn\": \"46567468\"", "\"msisdn\": null")
            .replace(
                "\"dueDateForPaymentLink\": \"2025-01-02 06:47:11\"",
                "\"dueDateForPaymentLink\": null")
            .replace("\"isInvoiced\": 1", "\"isInvoiced\": null"));

    PaymentDetails payment = testbed.fetch("frontpayment", ORDER);

    assertThat(payment.customer()).isEqualTo(new Customer(null, "Nafees", null, null, null));
    assertThat(payment.metadata()).doesNotContainKeys("pay_link_due_at", "invoiced");
  }

  @Test
  void givenAnOrderWithoutCurrency_whenFetching_itShouldFailForGoodNamingTheField() {
    serve(SEED_JSON.replace("\"currency\": \"NOK\",", ""));

    ApplicationFailure failure = testbed.failureOf("frontpayment", ORDER);

    assertThat(failure.getType()).isEqualTo(FailureTypes.MALFORMED_ANSWER);
    assertThat(failure.getOriginalMessage()).contains("data.details.currency missing");
  }

  @Test
  void givenAnOrderWithoutItsAmount_whenFetching_itShouldFailForGoodNamingTheField() {
    serve(SEED_JSON.replace("\"payablePerCycle\": 2500,", "\"payablePerCycle\": null,"));

    assertThat(testbed.failureOf("frontpayment", ORDER).getOriginalMessage())
        .contains("data.details.payablePerCycle null");
  }

  @Test
  void givenAnAnswerWithoutData_whenFetching_itShouldSayTheOrderIsNotFound() {
    serve(
        "{\"status_code\": 200, \"status_message\": \"OK\", \"message\": \"noData\","
            + " \"is_data\": false, \"data\": null}");

    assertThat(testbed.failureOf("frontpayment", ORDER).getType())
        .isEqualTo(FailureTypes.INVOICE_NOT_FOUND);
  }

  @Test
  void givenARefusedToken_whenFetchingTwice_itShouldFailForGoodAndLogItOnce() {
    testbed.api.stubFor(
        get(urlPathEqualTo(DETAILS))
            .willReturn(
                aResponse().withStatus(401).withBody("{\"message\": \"Unauthenticated.\"}")));
    Logger logger = (Logger) LoggerFactory.getLogger(CredentialAlarm.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      ApplicationFailure first = testbed.failureOf("frontpayment", ORDER);
      ApplicationFailure second = testbed.failureOf("frontpayment", ORDER);

      assertThat(first.getType()).isEqualTo(FailureTypes.PROVIDER_AUTHENTICATION);
      assertThat(first.isNonRetryable()).isTrue();
      assertThat(second.getType()).isEqualTo(FailureTypes.PROVIDER_AUTHENTICATION);
      assertThat(testbed.refusals("frontpayment", 401)).as("refusals counted").isEqualTo(2);
      assertThat(logged.list)
          .filteredOn(event -> event.getLevel() == Level.ERROR)
          .singleElement()
          .satisfies(
              event -> assertThat(event.getFormattedMessage()).startsWith("frontpayment refused"));
    } finally {
      logger.detachAppender(logged);
    }
  }

  @Test
  void givenTooManyRequests_whenFetching_itShouldBeRetriedAfterTheRetryAfterDelay() {
    testbed.api.stubFor(
        get(urlPathEqualTo(DETAILS))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

    ApplicationFailure failure = testbed.adapterFailureOf("frontpayment", ORDER);

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay())
        .as(failure.getOriginalMessage())
        .isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void givenAnUnavailableServer_whenFetching_itShouldBeRetried() {
    testbed.api.stubFor(get(urlPathEqualTo(DETAILS)).willReturn(aResponse().withStatus(503)));

    ApplicationFailure failure = testbed.failureOf("frontpayment", ORDER);

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getOriginalMessage()).contains("503");
  }

  @Test
  void givenAnAnswerSlowerThanTheReadTimeout_whenFetching_itShouldGiveUpAndBeRetried() {
    testbed.api.stubFor(
        get(urlPathEqualTo(DETAILS)).willReturn(json(SEED_JSON).withFixedDelay(8_000)));

    ApplicationFailure failure = testbed.failureOf("frontpayment", ORDER);

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getOriginalMessage()).contains("did not answer");
    // WireMock records the request once its delayed answer is out; let it, before the next test.
    await().until(() -> !testbed.api.findAll(getRequestedFor(urlPathEqualTo(DETAILS))).isEmpty());
  }

  @Test
  void givenNoServerListening_whenFetching_itShouldBeRetried() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    testbed.with(
        new ElasticPathProperties(
            testbed.api.baseUrl(), "id", "secret", Duration.ofSeconds(1), Duration.ofSeconds(1)),
        new FrontpaymentProperties(
            "http://127.0.0.1:" + closedPort,
            "token",
            ZoneId.of("Europe/Oslo"),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1)));
    try {
      ApplicationFailure failure = testbed.failureOf("frontpayment", ORDER);

      assertThat(failure.isNonRetryable()).isFalse();
      assertThat(failure.getOriginalMessage()).contains("did not answer");
    } finally {
      testbed.configured();
    }
  }

  @Test
  void givenARetryAsked_whenCharging_itShouldAnswerThatFrontpaymentCollectsItself() {
    assertThat(
            testbed
                .activities()
                .retryCharge(new ChargeRequest("dunning-1", "frontpayment", ORDER, "charge-1"))
                .failureCode())
        .isEqualTo(ProviderFailures.CHARGE_NOT_SUPPORTED);
    assertThat(testbed.api.getAllServeEvents()).isEmpty();
  }

  private static void serve(String body) {
    testbed.api.stubFor(get(urlPathEqualTo(DETAILS)).willReturn(json(body)));
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
