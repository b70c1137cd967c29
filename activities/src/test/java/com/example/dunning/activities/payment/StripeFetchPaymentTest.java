package com.example.dunning.activities.payment;

import static com.example.dunning.activities.payment.StripeFixtures.failedInvoice;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.example.dunning.workflows.activities.FailureTypes;
import com.example.dunning.workflows.activities.PaymentActivities.PaymentRef;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StripeFetchPaymentTest {

  private static StripeTestbed testbed;

  @BeforeAll
  static void start() {
    testbed = new StripeTestbed();
  }

  @AfterAll
  static void stop() {
    testbed.close();
  }

  @BeforeEach
  void reset() {
    testbed.reset();
  }

  @Test
  void givenAnOpenInvoiceOfASubscription_whenFetchingThePayment_itShouldMapEveryField() {
    testbed.serveInvoice("in_open", failedInvoice("in_open"));
    testbed.serveSubscription(StripeFixtures.subscription());

    PaymentDetails payment = fetch("in_open");

    assertThat(payment)
        .isEqualTo(
            new PaymentDetails(
                "stripe",
                "in_open",
                InvoiceStatus.OPEN,
                1999,
                "nok",
                1,
                Instant.ofEpochSecond(1_767_225_600L),
                "https://invoice.stripe.com/i/acct_1/in_open",
                new Customer(
                    "cus_dunning1",
                    "Kari Nordmann",
                    "kari@example.com",
                    "+4791234567",
                    "Europe/Oslo"),
                "sub_dunning1",
                "price_artistpro",
                "Artist Pro",
                "pi_dunning1",
                "pm_visa4242",
                "card_declined",
                "insufficient_funds",
                false,
                Map.of(
                    "user_id", "7",
                    "time_zone", "Europe/Oslo",
                    "package_id", "42",
                    "artist_name", "Aurora",
                    "profile_url", "https://example.com/aurora")));
    testbed.stripeApi.verify(
        getRequestedFor(urlPathEqualTo("/v1/invoices/in_open"))
            .withQueryParam("expand[0]", equalTo("customer"))
            .withQueryParam("expand[1]", equalTo("payments.data.payment.payment_intent")));
    testbed.stripeApi.verify(
        getRequestedFor(urlPathEqualTo("/v1/subscriptions/sub_dunning1"))
            .withQueryParam("expand[0]", equalTo("items.data.price.product")));
  }

  @ParameterizedTest
  @CsvSource({"draft, OPEN", "paid, PAID", "void, VOID", "uncollectible, UNCOLLECTIBLE"})
  void givenAnInvoiceInAStripeStatus_whenFetchingThePayment_itShouldMapTheStatus(
      String stripeStatus, InvoiceStatus expected) {
    ObjectNode invoice = failedInvoice("in_status");
    invoice.put("status", stripeStatus);
    invoice.putNull("next_payment_attempt");
    testbed.serveInvoice("in_status", invoice);
    testbed.serveSubscription(StripeFixtures.subscription());

    PaymentDetails payment = fetch("in_status");

    assertThat(payment.status()).isEqualTo(expected);
    assertThat(payment.nextPaymentAttempt()).isNull();
  }

  @Test
  void givenAnInvoiceInAStatusStripeNeverSent_whenFetchingThePayment_itShouldFailForGoodNamingIt() {
    ObjectNode invoice = failedInvoice("in_odd");
    invoice.put("status", "frozen");
    testbed.serveInvoice("in_odd", invoice);
    testbed.serveSubscription(StripeFixtures.subscription());

    assertThatThrownBy(() -> fetch("in_odd"))
        .cause()
        .asInstanceOf(type(ApplicationFailure.class))
        .satisfies(
            failure -> {
              assertThat(failure.getType()).isEqualTo(FailureTypes.MALFORMED_ANSWER);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage()).contains("status").contains("frozen");
            });
  }

  @Test
  void givenAPaymentAwaiting3DSecure_whenFetchingThePayment_itShouldRequireAuthentication() {
    ObjectNode invoice = failedInvoice("in_3ds");
    ObjectNode intent = (ObjectNode) invoice.at("/payments/data/0/payment/payment_intent");
    intent.put("status", "requires_action");
    ((ObjectNode) intent.get("last_payment_error"))
        .put("code", "authentication_required")
        .putNull("decline_code");
    testbed.serveInvoice("in_3ds", invoice);
    testbed.serveSubscription(StripeFixtures.subscription());

    PaymentDetails payment = fetch("in_3ds");

    assertThat(payment.requiresAuthentication()).isTrue();
    assertThat(payment.failureCode()).isEqualTo("authentication_required");
    assertThat(payment.declineCode()).isNull();
  }

  @Test
  void givenAOneOffInvoiceWithoutPayments_whenFetchingThePayment_itShouldFallBackToItsLine() {
    ObjectNode invoice = StripeFixtures.load("invoice.json");
    invoice.put("id", "in_oneoff");
    invoice.putNull("parent");
    ((ObjectNode) invoice.at("/lines/data/0/pricing"))
        .putObject("price_details")
        .put("price", "price_oneoff")
        .put("product", "prod_oneoff");
    testbed.serveInvoice("in_oneoff", invoice);

    PaymentDetails payment = fetch("in_oneoff");

    assertThat(payment.customer().id()).isEqualTo("cus_QXg1o8vcGmoR32");
    assertThat(payment.subscriptionId()).isNull();
    assertThat(payment.planId()).isEqualTo("price_oneoff");
    assertThat(payment.packageName()).isEqualTo("My First Invoice Item (created for API docs)");
    assertThat(payment.paymentIntentId()).isNull();
    assertThat(payment.requiresAuthentication()).isFalse();
    assertThat(payment.metadata()).isEmpty();
    testbed.stripeApi.verify(0, getRequestedFor(urlPathMatching("/v1/subscriptions/.*")));
  }

  @Test
  void givenARevokedApiKey_whenFetchingThePayment_itShouldFailWithoutRetrying() {
    testbed.respond(
        get(urlPathEqualTo("/v1/invoices/in_401")),
        401,
        StripeFixtures.error(
            "invalid_request_error", null, "Invalid API Key provided: sk_test_***"));

    assertThatThrownBy(() -> fetch("in_401"))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .asInstanceOf(type(ApplicationFailure.class))
        .satisfies(
            failure -> {
              assertThat(failure.getType()).isEqualTo("ProviderAuthentication");
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage()).contains("stripe");
            });
    assertThat(testbed.refusals(401)).as("refusals counted").isEqualTo(1);
  }

  @Test
  void givenAnInvoiceStripeDoesNotHave_whenFetchingThePayment_itShouldFailWithoutRetrying() {
    testbed.respond(
        get(urlPathEqualTo("/v1/invoices/in_gone")),
        404,
        StripeFixtures.error(
            "invalid_request_error", "resource_missing", "No such invoice: 'in_gone'"));

    assertThatThrownBy(() -> fetch("in_gone"))
        .cause()
        .asInstanceOf(type(ApplicationFailure.class))
        .satisfies(
            failure -> {
              assertThat(failure.getType()).isEqualTo("InvoiceNotFound");
              assertThat(failure.isNonRetryable()).isTrue();
            });
  }

  /**
   * stripe-java retries a 429 only when Stripe adds {@code Stripe-Should-Retry: true}; without it
   * the activity fails retryably and Temporal's next attempt succeeds.
   */
  @Test
  void givenStripeRateLimitsOnce_whenFetchingThePayment_itShouldFailRetryablyAndThenSucceed() {
    ObjectNode invoice = failedInvoice("in_busy");
    invoice.putNull("parent");
    testbed.stripeApi.stubFor(
        get(urlPathEqualTo("/v1/invoices/in_busy"))
            .inScenario("rate limit")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("cooled down")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        StripeFixtures.error(
                                "invalid_request_error", "rate_limit", "Too many requests")
                            .toString())));
    testbed.stripeApi.stubFor(
        get(urlPathEqualTo("/v1/invoices/in_busy"))
            .inScenario("rate limit")
            .whenScenarioStateIs("cooled down")
            .willReturn(okJson(invoice.toString())));

    assertThatThrownBy(() -> fetch("in_busy"))
        .cause()
        .asInstanceOf(type(ApplicationFailure.class))
        .satisfies(failure -> assertThat(failure.isNonRetryable()).isFalse());
    testbed.stripeApi.verify(1, getRequestedFor(urlPathEqualTo("/v1/invoices/in_busy")));

    assertThat(fetch("in_busy").status()).isEqualTo(InvoiceStatus.OPEN);
    testbed.stripeApi.verify(2, getRequestedFor(urlPathEqualTo("/v1/invoices/in_busy")));
  }

  @Test
  void givenAProviderOtherThanStripe_whenFetchingThePayment_itShouldFailWithoutAsking() {
    assertThatThrownBy(() -> testbed.activities.fetchPayment(new PaymentRef("paypal", "in_1")))
        .cause()
        .asInstanceOf(type(ApplicationFailure.class))
        .satisfies(
            failure -> {
              assertThat(failure.getType()).isEqualTo("UnknownProvider");
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage()).contains("paypal");
            });
    assertThat(testbed.stripeApi.getAllServeEvents()).isEmpty();
  }

  private static PaymentDetails fetch(String invoiceId) {
    return testbed.activities.fetchPayment(new PaymentRef("stripe", invoiceId));
  }
}
