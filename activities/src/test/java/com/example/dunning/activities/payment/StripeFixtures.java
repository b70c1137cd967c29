package com.example.dunning.activities.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Stripe objects for tests, built from the fixtures in {@code src/test/resources/stripe-fixtures}
 * (real API shapes from Stripe's OpenAPI repository) with the ids, statuses and counts a test
 * needs.
 */
final class StripeFixtures {

  static final ObjectMapper JSON = new ObjectMapper();

  static final String CUSTOMER_ID = "cus_dunning1";
  static final String SUBSCRIPTION_ID = "sub_dunning1";
  static final String PRICE_ID = "price_artistpro";
  static final String PAYMENT_INTENT_ID = "pi_dunning1";
  static final String PAYMENT_METHOD_ID = "pm_visa4242";

  /**
   * Where the fixtures sit on the test class path; the api module reads them from this test-jar.
   */
  static final String RESOURCES = "/stripe-fixtures/";

  private StripeFixtures() {}

  static ObjectNode load(String name) {
    try {
      try (InputStream in = StripeFixtures.class.getResourceAsStream(RESOURCES + name)) {
        if (in == null) {
          throw new IllegalArgumentException("no Stripe fixture " + RESOURCES + name);
        }
        return (ObjectNode) JSON.readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An open invoice of a subscription that failed once, as Stripe returns it with {@code customer}
   * and {@code payments.data.payment.payment_intent} expanded.
   */
  static ObjectNode failedInvoice(String invoiceId) {
    ObjectNode invoice = load("invoice.json");
    invoice.put("id", invoiceId);
    invoice.put("status", "open");
    invoice.put("amount_due", 1999);
    invoice.put("currency", "nok");
    invoice.put("attempt_count", 1);
    invoice.put("attempted", true);
    invoice.put("next_payment_attempt", 1_767_225_600L);
    invoice.put("hosted_invoice_url", "https://invoice.stripe.com/i/acct_1/" + invoiceId);
    invoice.set("customer", customer());
    ObjectNode parent = invoice.putObject("parent");
    parent.put("type", "subscription_details");
    parent.putNull("quote_details");
    parent
        .putObject("subscription_details")
        .put("subscription", SUBSCRIPTION_ID)
        .putNull("metadata");
    ObjectNode payment = load("invoice_payment.json");
    payment.put("id", "inpay_" + invoiceId);
    payment.put("invoice", invoiceId);
    payment.put("status", "open");
    payment.put("created", 1_766_000_000L);
    ((ObjectNode) payment.get("payment")).set("payment_intent", declinedPaymentIntent());
    setPayments(invoice, payment);
    return invoice;
  }

  static void setPayments(ObjectNode invoice, ObjectNode... payments) {
    ObjectNode list = invoice.putObject("payments");
    list.put("object", "list");
    list.put("has_more", false);
    list.put("url", "/v1/invoice_payments");
    ArrayNode data = list.putArray("data");
    for (ObjectNode payment : payments) {
      data.add(payment);
    }
  }

  static ObjectNode customer() {
    ObjectNode customer = load("customer.json");
    customer.put("id", CUSTOMER_ID);
    customer.put("name", "Kari Nordmann");
    customer.put("email", "kari@example.com");
    customer.put("phone", "+4791234567");
    customer
        .putObject("metadata")
        .put("user_id", "7")
        .put("time_zone", "Europe/Oslo")
        .put("package_id", "41");
    return customer;
  }

  static ObjectNode declinedPaymentIntent() {
    ObjectNode intent = load("payment_intent.json");
    intent.put("id", PAYMENT_INTENT_ID);
    intent.put("status", "requires_payment_method");
    intent.put("payment_method", PAYMENT_METHOD_ID);
    intent
        .putObject("last_payment_error")
        .put("type", "card_error")
        .put("code", "card_declined")
        .put("decline_code", "insufficient_funds")
        .put("message", "Your card has insufficient funds.");
    return intent;
  }

  /** The subscription with {@code items.data.price.product} expanded. */
  static ObjectNode subscription() {
    ObjectNode subscription = load("subscription.json");
    subscription.put("id", SUBSCRIPTION_ID);
    subscription.put("customer", CUSTOMER_ID);
    subscription
        .putObject("metadata")
        .put("package_id", "42")
        .put("artist_name", "Aurora")
        .put("profile_url", "https://example.com/aurora");
    ObjectNode price = (ObjectNode) subscription.at("/items/data/0/price");
    price.put("id", PRICE_ID);
    price
        .putObject("product")
        .put("id", "prod_artistpro")
        .put("object", "product")
        .put("name", "Artist Pro")
        .put("active", true);
    return subscription;
  }

  /** The error body Stripe sends with a 402 when the card is declined. */
  static ObjectNode cardDeclined(String declineCode) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("type", "card_error");
    error.put("code", "card_declined");
    error.put("decline_code", declineCode);
    error.put("message", "Your card was declined.");
    ObjectNode intent = declinedPaymentIntent();
    ((ObjectNode) intent.get("last_payment_error")).put("decline_code", declineCode);
    error.set("payment_intent", intent);
    return body;
  }

  static ObjectNode error(String type, String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error").put("type", type).put("message", message);
    if (code != null) {
      error.put("code", code);
    }
    return body;
  }
}
