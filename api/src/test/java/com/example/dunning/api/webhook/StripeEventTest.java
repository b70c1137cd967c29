package com.example.dunning.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reading the intake's few fields from Stripe's own event and object shapes. */
class StripeEventTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void givenStripesInvoiceFixture_whenRead_itShouldGiveTheFieldsTheDunningNeeds() {
    ObjectNode invoice = StripeFixtures.invoice("in_fixture");
    invoice.put("customer_email", "jenny.rosen@example.com");
    invoice.put("attempt_count", 2);
    invoice.put("hosted_invoice_url", "https://invoice.stripe.com/i/in_fixture");

    StripeEvent event = read(StripeFixtures.event("invoice.payment_failed", invoice, 1700000000));

    assertThat(event.type()).isEqualTo("invoice.payment_failed");
    assertThat(event.id()).isEqualTo("evt_1Pgc76B7WZ01zgkWwyRHS12y");
    assertThat(event.created()).isEqualTo(Instant.ofEpochSecond(1700000000));
    assertThat(event.invoice())
        .isEqualTo(
            new StripeInvoice(
                "in_fixture",
                "cus_QXg1o8vcGmoR32",
                "jenny.rosen@example.com",
                1000,
                "usd",
                2,
                Instant.ofEpochSecond(1234567890),
                "https://invoice.stripe.com/i/in_fixture"));
  }

  @Test
  void givenAnExpandedCustomerAndNoNextAttempt_whenRead_itShouldTakeTheCustomersId() {
    ObjectNode invoice = StripeFixtures.invoice("in_expanded");
    invoice.putObject("customer").put("id", "cus_expanded").put("object", "customer");
    invoice.putNull("next_payment_attempt");
    invoice.remove("attempt_count");

    StripeInvoice read = read(StripeFixtures.event("invoice.paid", invoice, 1)).invoice();

    assertThat(read.customer()).isEqualTo("cus_expanded");
    assertThat(read.nextPaymentAttempt()).isNull();
    assertThat(read.attemptCount()).isZero();
  }

  @Test
  void givenStripesSubscriptionFixture_whenRead_itShouldGiveItsLatestInvoice() {
    StripeEvent event =
        read(
            StripeFixtures.event(
                "customer.subscription.deleted", StripeFixtures.subscription("in_latest"), 1));

    assertThat(event.latestInvoiceOfSubscription()).isEqualTo("in_latest");
  }

  @Test
  void givenAnEventWithoutType_whenRead_itShouldHaveTheEmptyType() {
    ObjectNode event = StripeFixtures.event();
    event.remove("type");

    assertThat(read(event).type()).isEmpty();
  }

  @Test
  void givenBodiesThatAreNoJsonObject_whenRead_itShouldRefuseThemAsMalformedJson() {
    for (String body : new String[] {"{\"type\": \"invoice.paid\", \"data\": {", "[]", "42", ""}) {
      assertThatThrownBy(() -> StripeEvent.read(JSON, body.getBytes(StandardCharsets.UTF_8)))
          .as(body)
          .isInstanceOf(MalformedEventException.class)
          .hasMessageStartingWith("malformed JSON");
    }
  }

  @Test
  void givenAnInvoiceEventWithoutAnInvoice_whenRead_itShouldSayWhatIsMissing() {
    ObjectNode noObject = StripeFixtures.event("invoice.payment_failed", null, 1);
    ObjectNode subscription =
        StripeFixtures.event("invoice.payment_failed", StripeFixtures.subscription("in_1"), 1);

    assertThatThrownBy(() -> read(noObject).invoice())
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("cannot read data.object of invoice.payment_failed");
    assertThatThrownBy(() -> read(subscription).invoice())
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("invoice.payment_failed without a invoice object");
  }

  @Test
  void givenAmountsNoInvoiceCanOwe_whenRead_itShouldRefuseThemNamingTheField() {
    assertThatThrownBy(() -> invoiceWith("amount_due", "-1"))
        .hasMessage("invoice amount_due must be 0 to 10000000000 (minor units): -1");
    assertThatThrownBy(() -> invoiceWith("amount_due", "123456789012345678901234567890"))
        .hasMessage(
            "invoice amount_due must be 0 to 10000000000 (minor units): "
                + "123456789012345678901234567890");
    assertThatThrownBy(() -> invoiceWith("amount_due", "\"nineteen\""))
        .hasMessage(
            "cannot read data.object of invoice.payment_failed: amount_due is not a whole number");
    assertThatThrownBy(() -> invoiceWith("amount_due", "19.99"))
        .hasMessageEndingWith("amount_due is not a whole number");
    assertThat(invoiceWith("amount_due", "10000000000").amountDue()).isEqualTo(10_000_000_000L);
  }

  @Test
  void givenFieldsOfTheWrongKind_whenRead_itShouldRefuseThemNamingTheField() {
    assertThatThrownBy(() -> invoiceWith("customer", "42"))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageEndingWith("customer is not a string");
    assertThatThrownBy(() -> invoiceWith("attempt_count", "4294967296"))
        .hasMessageEndingWith("attempt_count is too large");
    assertThatThrownBy(() -> invoiceWith("next_payment_attempt", "99999999999999999"))
        .hasMessageEndingWith("next_payment_attempt is no time");
  }

  @Test
  void givenAnEventWithoutCreated_whenItsTimeIsRead_itShouldRefuseIt() {
    ObjectNode event = StripeFixtures.event();
    event.remove("created");

    assertThatThrownBy(() -> read(event).created()).hasMessage("event without created");
  }

  /** The fixture invoice in an {@code invoice.payment_failed}, with one field's raw JSON. */
  private static StripeInvoice invoiceWith(String field, String rawJson) {
    ObjectNode invoice = StripeFixtures.invoice("in_field");
    invoice.set(field, JSON.readTree(rawJson));
    return read(StripeFixtures.event("invoice.payment_failed", invoice, 1)).invoice();
  }

  private static StripeEvent read(ObjectNode event) {
    return StripeEvent.read(JSON, StripeFixtures.write(event).getBytes(StandardCharsets.UTF_8));
  }
}
