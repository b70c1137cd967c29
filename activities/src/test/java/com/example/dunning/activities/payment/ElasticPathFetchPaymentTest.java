package com.example.dunning.activities.payment;

import static com.example.dunning.activities.Patience.await;
import static com.example.dunning.activities.payment.ProviderTestbed.resource;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.activities.FailureTypes;
import com.example.dunning.workflows.activities.PaymentActivities.ChargeRequest;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ElasticPathFetchPaymentTest {

  static final String SUBSCRIPTION = "0f3c7a52-9d4e-4b8a-a1c2-5e6f7a8b9c0d";
  static final String INVOICE = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
  static final String INVOICE_ID = SUBSCRIPTION + "_" + INVOICE;
  static final String PAYMENTS =
      "/subscriptions/subscriptions/" + SUBSCRIPTION + "/invoices/" + INVOICE + "/payments";
  static final String FAILED_PAYMENT = "7c5b3b1e-4a2f-4c1e-9f3a-2d6f0b8e1a01";
  static final String TOKEN = "xa3521ca621113e44eeed9232fa3e54571cb08bc";

  private static final ObjectMapper JSON = new ObjectMapper();
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
    testbed.configured(); // a new token cache each time
    testbed.api.stubFor(
        post(urlPathEqualTo("/oauth/access_token"))
            .willReturn(json(resource("elasticpath/token.json"))));
  }

  @Test
  void givenAFailedPayment_whenFetching_itShouldMapItWithABearerTokenFromClientCredentials() {
    servePayments(resource("elasticpath/payment-failed.json"));

    PaymentDetails payment = testbed.fetch("elasticpath", INVOICE_ID);

    assertThat(payment)
        .isEqualTo(
            new PaymentDetails(
                "elasticpath",
                INVOICE_ID,
                InvoiceStatus.OPEN,
                1999,
                "usd",
                1,
                null,
                null,
                new Customer(null, null, null, null, null),
                SUBSCRIPTION,
                null,
                null,
                "pi_3QfailedEP",
                null,
                "Your card has insufficient funds.",
                null,
                false,
                Map.of("gateway", "elastic_path_payments_stripe", "payment_id", FAILED_PAYMENT)));
    testbed.api.verify(
        postRequestedFor(urlPathEqualTo("/oauth/access_token"))
            .withRequestBody(containing("grant_type=client_credentials"))
            .withRequestBody(containing("client_id=" + ProviderTestbed.CLIENT_ID))
            .withRequestBody(containing("client_secret=" + ProviderTestbed.CLIENT_SECRET)));
    testbed.api.verify(
        getRequestedFor(urlPathEqualTo(PAYMENTS))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void givenAPaymentThatSucceededAfterTheFailure_whenFetching_itShouldReportPaid() {
    servePayments(
        resource("elasticpath/payment-failed.json"),
        resource("elasticpath/payment-succeeded.json"));

    PaymentDetails payment = testbed.fetch("elasticpath", INVOICE_ID);

    assertThat(payment.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(payment.attemptCount()).isEqualTo(2);
    assertThat(payment.paymentIntentId()).isEqualTo("pi_3QpaidEP");
    assertThat(payment.failureCode()).isNull();
  }

  @Test
  void givenTheNamedPaymentIsNotOnTheList_whenFetching_itShouldReadItByItself() {
    servePayments();
    testbed.api.stubFor(
        get(urlPathEqualTo(PAYMENTS + "/" + FAILED_PAYMENT))
            .willReturn(json(resource("elasticpath/payment-failed.json"))));

    PaymentDetails payment = testbed.fetch("elasticpath", INVOICE_ID + "_" + FAILED_PAYMENT);

    assertThat(payment.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(payment.failureCode()).isEqualTo("Your card has insufficient funds.");
    testbed.api.verify(1, getRequestedFor(urlPathEqualTo(PAYMENTS + "/" + FAILED_PAYMENT)));
  }

  @Test
  void givenManyFetches_whenTheTokenIsValid_itShouldAskForOneTokenAndAnotherAfterItExpires() {
    servePayments(resource("elasticpath/payment-failed.json"));

    for (int i = 0; i < 5; i++) {
      testbed.fetch("elasticpath", INVOICE_ID);
    }
    testbed.api.verify(1, postRequestedFor(urlPathEqualTo("/oauth/access_token")));

    testbed.clock.advance(Duration.ofSeconds(3600 - 61));
    testbed.fetch("elasticpath", INVOICE_ID);
    testbed.api.verify(1, postRequestedFor(urlPathEqualTo("/oauth/access_token")));

    testbed.clock.advance(Duration.ofSeconds(2)); // within a minute of expiry: renewed early
    testbed.fetch("elasticpath", INVOICE_ID);
    testbed.api.verify(2, postRequestedFor(urlPathEqualTo("/oauth/access_token")));
    testbed.api.verify(7, getRequestedFor(urlPathEqualTo(PAYMENTS)));
  }

  @Test
  void givenATokenRevokedBeforeItExpires_whenFetching_itShouldAskForANewOneOnce() {
    testbed.api.stubFor(
        get(urlPathEqualTo(PAYMENTS))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .willReturn(aResponse().withStatus(401).withBody("{\"errors\":[]}")));
    testbed.api.stubFor(
        post(urlPathEqualTo("/oauth/access_token"))
            .inScenario("revoked")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(json(resource("elasticpath/token.json")))
            .willSetStateTo("renewed"));
    testbed.api.stubFor(
        post(urlPathEqualTo("/oauth/access_token"))
            .inScenario("revoked")
            .whenScenarioStateIs("renewed")
            .willReturn(json(resource("elasticpath/token.json").replace(TOKEN, "fresh-token"))));
    testbed.api.stubFor(
        get(urlPathEqualTo(PAYMENTS))
            .withHeader("Authorization", equalTo("Bearer fresh-token"))
            .willReturn(json(list(resource("elasticpath/payment-failed.json")))));

    assertThat(testbed.fetch("elasticpath", INVOICE_ID).status()).isEqualTo(InvoiceStatus.OPEN);
    testbed.api.verify(2, postRequestedFor(urlPathEqualTo("/oauth/access_token")));
    assertThat(testbed.refusals("elasticpath", 401)).as("a 401 a new token mended").isZero();
  }

  @Test
  void givenCredentialsElasticPathRefuses_whenFetching_itShouldFailForGoodAsAuthentication() {
    testbed.api.stubFor(
        post(urlPathEqualTo("/oauth/access_token"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"errors\":[{\"status\":401,\"title\":\"Unauthorized\"}]}")));

    ApplicationFailure failure = testbed.failureOf("elasticpath", INVOICE_ID);

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_AUTHENTICATION);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .startsWith("elasticpath refused our credentials (401)");
    testbed.api.verify(0, getRequestedFor(urlPathEqualTo(PAYMENTS)));
    assertThat(testbed.refusals("elasticpath", 401)).as("refusals counted").isEqualTo(1);
  }

  @Test
  void givenAForbiddenStore_whenFetching_itShouldFailForGoodAsAuthentication() {
    testbed.api.stubFor(
        get(urlPathEqualTo(PAYMENTS)).willReturn(aResponse().withStatus(403).withBody("{}")));

    ApplicationFailure failure = testbed.failureOf("elasticpath", INVOICE_ID);

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_AUTHENTICATION);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(testbed.refusals("elasticpath", 403)).as("refusals counted").isEqualTo(1);
  }

  @Test
  void givenTooManyRequests_whenFetching_itShouldBeRetriedAfterTheRetryAfterDelay() {
    testbed.api.stubFor(
        get(urlPathEqualTo(PAYMENTS))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

    ApplicationFailure failure = testbed.adapterFailureOf("elasticpath", INVOICE_ID);

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(ProviderFailures.UNAVAILABLE);
    assertThat(failure.getNextRetryDelay())
        .as(failure.getOriginalMessage())
        .isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void givenAServerError_whenFetching_itShouldBeRetriedWithBackoff() {
    testbed.api.stubFor(
        get(urlPathEqualTo(PAYMENTS)).willReturn(aResponse().withStatus(500).withBody("oops")));

    ApplicationFailure failure = testbed.failureOf("elasticpath", INVOICE_ID);

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).as(failure.getOriginalMessage()).isNull();
    assertThat(failure.getOriginalMessage()).contains("500").contains("oops");
  }

  @Test
  void givenAnAnswerSlowerThanTheReadTimeout_whenFetching_itShouldGiveUpAndBeRetried() {
    testbed.api.stubFor(
        get(urlPathEqualTo(PAYMENTS))
            .willReturn(
                json(list(resource("elasticpath/payment-failed.json"))).withFixedDelay(8_000)));

    ApplicationFailure failure = testbed.failureOf("elasticpath", INVOICE_ID);

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getOriginalMessage()).contains("did not answer");
    // WireMock records the request once its delayed answer is out; let it, before the next test.
    await().until(() -> !testbed.api.findAll(getRequestedFor(urlPathEqualTo(PAYMENTS))).isEmpty());
  }

  @Test
  void givenAPaymentWithoutItsCurrency_whenFetching_itShouldFailForGoodNamingTheField() {
    servePayments(
        edit(
            resource("elasticpath/payment-failed.json"),
            data -> ((ObjectNode) data.path("attributes").path("amount")).remove("currency")));

    ApplicationFailure failure = testbed.failureOf("elasticpath", INVOICE_ID);

    assertThat(failure.getType()).isEqualTo(FailureTypes.MALFORMED_ANSWER);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("data[0].attributes.amount.currency missing");
  }

  @Test
  void givenAPaymentWithoutSuccess_whenFetching_itShouldFailForGoodNamingTheField() {
    servePayments(
        edit(
            resource("elasticpath/payment-failed.json"),
            data -> ((ObjectNode) data.path("attributes")).putNull("success")));

    assertThat(testbed.failureOf("elasticpath", INVOICE_ID).getOriginalMessage())
        .contains("data[0].attributes.success null");
  }

  @Test
  void givenAnAnswerThatIsNotJson_whenFetching_itShouldFailForGoodNamingTheBody() {
    testbed.api.stubFor(get(urlPathEqualTo(PAYMENTS)).willReturn(json("<html>maintenance</html>")));

    ApplicationFailure failure = testbed.failureOf("elasticpath", INVOICE_ID);

    assertThat(failure.getType()).isEqualTo(FailureTypes.MALFORMED_ANSWER);
    assertThat(failure.getOriginalMessage()).contains("body not JSON");
  }

  @Test
  void givenAnInvoiceElasticPathDoesNotKnow_whenFetching_itShouldSaySo() {
    testbed.api.stubFor(
        get(urlPathEqualTo(PAYMENTS)).willReturn(aResponse().withStatus(404).withBody("{}")));

    assertThat(testbed.failureOf("elasticpath", INVOICE_ID).getType())
        .isEqualTo(FailureTypes.INVOICE_NOT_FOUND);
  }

  @Test
  void givenAnInvoiceIdOutsideTheConvention_whenFetching_itShouldSayItIsNotFoundWithoutAsking() {
    ApplicationFailure failure = testbed.failureOf("elasticpath", "inv_123");

    assertThat(failure.getType()).isEqualTo(FailureTypes.INVOICE_NOT_FOUND);
    assertThat(failure.getOriginalMessage()).contains("<subscription_uuid>_<invoice_uuid>");
    assertThat(testbed.api.getAllServeEvents()).isEmpty();
  }

  @Test
  void givenNoCredentials_whenFetching_itShouldRefuseClearlyWithoutAsking() {
    testbed.with(
        new ElasticPathProperties(
            testbed.api.baseUrl(), "", null, Duration.ofSeconds(1), Duration.ofSeconds(1)),
        new FrontpaymentProperties(
            null, null, ZoneId.of("Europe/Oslo"), Duration.ofSeconds(1), Duration.ofSeconds(1)));

    ApplicationFailure failure = testbed.failureOf("elasticpath", INVOICE_ID);

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_NOT_CONFIGURED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("ELASTICPATH_CLIENT_ID");
    assertThat(testbed.api.getAllServeEvents()).isEmpty();
  }

  @Test
  void givenARetryAsked_whenCharging_itShouldAnswerThatElasticPathCollectsItself() {
    ChargeResult charge =
        testbed
            .activities()
            .retryCharge(new ChargeRequest("dunning-1", "elasticpath", INVOICE_ID, "charge-1"));

    assertThat(charge.paid()).isFalse();
    assertThat(charge.failureCode()).isEqualTo(ProviderFailures.CHARGE_NOT_SUPPORTED);
    assertThat(charge.hardDecline()).isFalse();
    assertThat(testbed.api.getAllServeEvents()).isEmpty();
  }

  /** The list answer of these single-payment bodies. */
  static String list(String... payments) {
    try {
      ObjectNode list = JSON.createObjectNode();
      ArrayNode data = list.putArray("data");
      for (String payment : payments) {
        data.add(JSON.readTree(payment).get("data"));
      }
      return list.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void servePayments(String... payments) {
    testbed.api.stubFor(get(urlPathEqualTo(PAYMENTS)).willReturn(json(list(payments))));
  }

  private static String edit(String payment, Consumer<ObjectNode> change) {
    try {
      ObjectNode body = (ObjectNode) JSON.readTree(payment);
      change.accept((ObjectNode) body.get("data"));
      return body.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
