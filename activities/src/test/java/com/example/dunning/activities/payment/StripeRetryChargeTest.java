package com.example.dunning.activities.payment;

import static com.example.dunning.activities.payment.StripeFixtures.failedInvoice;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.example.dunning.workflows.activities.PaymentActivities.ChargeRequest;
import com.example.dunning.workflows.model.ChargeResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeRetryChargeTest {

  private static final String DUNNING_ID = "dunning-stripe-in_retry";
  private static final String INVOICE_ID = "in_retry";

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
    testbed.openDunning(DUNNING_ID, INVOICE_ID);
  }

  @Test
  void givenACardThatNowWorks_whenRetryingTheCharge_itShouldPayOnceAndRecordTheAttempt() {
    ObjectNode paid = invoiceAfterCharge("paid", 2);
    ((ObjectNode) paid.get("status_transitions")).put("paid_at", 1_767_300_000L);
    testbed.answerPay(INVOICE_ID, 200, paid);

    ChargeResult result = charge("charge-1");

    assertThat(result.paid()).isTrue();
    assertThat(result.hardDecline()).isFalse();
    testbed.stripeApi.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v1/invoices/in_retry/pay"))
            .withHeader("Idempotency-Key", equalTo("charge-1")));
    assertThat(attempts())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("id")).isEqualTo(uuid("charge-1"));
              assertThat(row.get("job_id")).isEqualTo(uuid(DUNNING_ID));
              assertThat(row.get("success")).isEqualTo(true);
              assertThat(row.get("number")).isEqualTo(2);
              assertThat(row.get("gateway")).isEqualTo("stripe");
              assertThat(row.get("external_payment_id")).isEqualTo("pi_dunning1");
              assertThat(row.get("failure_reason")).isNull();
              assertThat(row.get("amount")).isEqualTo(1999L);
              assertThat(row.get("currency")).isEqualTo("nok");
              assertThat(((Timestamp) row.get("payment_taken_at")).toInstant().getEpochSecond())
                  .isEqualTo(1_767_300_000L);
            });
  }

  @Test
  void givenAStolenCard_whenRetryingTheCharge_itShouldReturnAHardDeclineAndRecordIt() {
    testbed.answerPay(INVOICE_ID, 402, StripeFixtures.cardDeclined("stolen_card"));
    testbed.serveInvoice(INVOICE_ID, invoiceAfterCharge("open", 3));

    ChargeResult result = charge("charge-2");

    assertThat(result)
        .isEqualTo(
            new ChargeResult(
                false, "card_declined", "stolen_card", true, false, "Your card was declined."));
    assertThat(attempts())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("success")).isEqualTo(false);
              assertThat(row.get("number")).isEqualTo(3);
              assertThat(row.get("external_payment_id")).isEqualTo("pi_dunning1");
              assertThat((String) row.get("failure_reason")).contains("stolen_card");
              assertThat(row.get("payment_taken_at")).isNull();
            });
  }

  @Test
  void givenInsufficientFunds_whenRetryingTheCharge_itShouldReturnASoftDecline() {
    testbed.answerPay(INVOICE_ID, 402, StripeFixtures.cardDeclined("insufficient_funds"));
    testbed.serveInvoice(INVOICE_ID, invoiceAfterCharge("open", 2));

    ChargeResult result = charge("charge-soft");

    assertThat(result.paid()).isFalse();
    assertThat(result.declineCode()).isEqualTo("insufficient_funds");
    assertThat(result.hardDecline()).isFalse();
  }

  @Test
  void givenACardThatNeeds3DSecure_whenRetryingTheCharge_itShouldAskForAuthentication() {
    ObjectNode error =
        StripeFixtures.error("card_error", "authentication_required", "Authentication required.");
    testbed.answerPay(INVOICE_ID, 402, error);
    testbed.serveInvoice(INVOICE_ID, invoiceAfterCharge("open", 2));

    ChargeResult result = charge("charge-3ds");

    assertThat(result.paid()).isFalse();
    assertThat(result.requiresAuthentication()).isTrue();
    assertThat(result.failureCode()).isEqualTo("authentication_required");
  }

  @Test
  void givenTheSameKeyTwice_whenRetryingTheCharge_itShouldRecordOneAttempt() {
    testbed.answerPay(INVOICE_ID, 402, StripeFixtures.cardDeclined("do_not_honor"));
    testbed.serveInvoice(INVOICE_ID, invoiceAfterCharge("open", 2));

    ChargeResult first = charge("charge-again");
    ChargeResult second = charge("charge-again");

    assertThat(second).isEqualTo(first);
    testbed.stripeApi.verify(
        2,
        postRequestedFor(urlPathEqualTo("/v1/invoices/in_retry/pay"))
            .withHeader("Idempotency-Key", equalTo("charge-again")));
    assertThat(attempts()).hasSize(1);
  }

  @Test
  void givenAnInvoicePaidMeanwhile_whenRetryingTheCharge_itShouldReportItPaidWithoutAnAttempt() {
    testbed.answerPay(
        INVOICE_ID,
        400,
        StripeFixtures.error(
            "invalid_request_error", "invoice_already_paid", "Invoice is already paid"));
    testbed.serveInvoice(INVOICE_ID, invoiceAfterCharge("paid", 1));

    ChargeResult result = charge("charge-late");

    assertThat(result.paid()).isTrue();
    assertThat(attempts()).isEmpty();
  }

  @Test
  void givenAVoidedInvoice_whenRetryingTheCharge_itShouldReportStripesRefusal() {
    testbed.answerPay(
        INVOICE_ID,
        400,
        StripeFixtures.error(
            "invalid_request_error", "invoice_not_open", "This invoice can no longer be paid."));
    testbed.serveInvoice(INVOICE_ID, invoiceAfterCharge("void", 1));

    ChargeResult result = charge("charge-void");

    assertThat(result.paid()).isFalse();
    assertThat(result.failureCode()).isEqualTo("invoice_not_open");
    assertThat(attempts()).isEmpty();
  }

  @Test
  void givenAForbiddenApiKey_whenRetryingTheCharge_itShouldFailWithoutRetrying() {
    testbed.answerPay(
        INVOICE_ID,
        403,
        StripeFixtures.error(
            "invalid_request_error", null, "The provided key does not have access to invoices."));

    assertThatThrownBy(() -> charge("charge-403"))
        .cause()
        .asInstanceOf(type(ApplicationFailure.class))
        .satisfies(
            failure -> {
              assertThat(failure.getType()).isEqualTo("ProviderAuthentication");
              assertThat(failure.isNonRetryable()).isTrue();
            });
    assertThat(attempts()).isEmpty();
  }

  @Test
  void givenAProviderOtherThanStripe_whenRetryingTheCharge_itShouldFailWithoutCharging() {
    assertThatThrownBy(
            () ->
                testbed.activities.retryCharge(
                    new ChargeRequest(DUNNING_ID, "adyen", INVOICE_ID, "charge-x")))
        .cause()
        .asInstanceOf(type(ApplicationFailure.class))
        .satisfies(failure -> assertThat(failure.getType()).isEqualTo("UnknownProvider"));
    assertThat(testbed.stripeApi.getAllServeEvents()).isEmpty();
  }

  private static ChargeResult charge(String key) {
    return testbed.activities.retryCharge(new ChargeRequest(DUNNING_ID, "stripe", INVOICE_ID, key));
  }

  /** The invoice as Stripe returns it from a charge: payments listed, not expanded. */
  private static ObjectNode invoiceAfterCharge(String status, int attemptCount) {
    ObjectNode invoice = failedInvoice(INVOICE_ID);
    invoice.put("status", status);
    invoice.put("attempt_count", attemptCount);
    invoice.put("customer", StripeFixtures.CUSTOMER_ID);
    ((ObjectNode) invoice.at("/payments/data/0/payment"))
        .put("payment_intent", StripeFixtures.PAYMENT_INTENT_ID);
    return invoice;
  }

  private static List<Map<String, Object>> attempts() {
    return testbed.jdbc.queryForList("SELECT * FROM payment_attempt");
  }

  private static UUID uuid(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }
}
