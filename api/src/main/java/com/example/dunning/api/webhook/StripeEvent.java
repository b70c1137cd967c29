package com.example.dunning.api.webhook;

import java.time.DateTimeException;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A verified Stripe event, reduced to what the intake reads: its type, when it was created and its
 * {@code data.object}. Read with Jackson rather than as stripe-java's {@code Event}, which builds a
 * new Gson with an adapter for every field of {@code Event} and {@code Invoice} for each delivery,
 * and the intake's throughput is CPU-bound. Fields of an API version other than the one stripe-java
 * knows are simply not read.
 */
final class StripeEvent {

  private final JsonNode event;
  private final String type;

  private StripeEvent(JsonNode event, String type) {
    this.event = event;
    this.type = type;
  }

  /**
   * @param body a body whose signature was verified
   * @throws MalformedEventException when it is not a JSON object
   */
  static StripeEvent read(JsonMapper json, byte[] body) {
    JsonNode event;
    try {
      event = json.readTree(body);
    } catch (JacksonException e) {
      throw new MalformedEventException("malformed JSON", e);
    }
    if (event == null || !event.isObject()) {
      throw new MalformedEventException("malformed JSON: the event is not a JSON object");
    }
    String type = text(event, "type", "event");
    return new StripeEvent(event, type == null ? "" : type);
  }

  String id() {
    return text(event, "id", "event");
  }

  /** The event's type, {@code ""} when it has none. */
  String type() {
    return type;
  }

  Instant created() {
    Long created = whole(event, "created", "event");
    if (created == null) {
      throw new MalformedEventException("event without created");
    }
    return epochSecond(created, "created", "event");
  }

  /** {@code data.object} as the invoice the event's type promises. */
  StripeInvoice invoice() {
    JsonNode invoice = object("invoice");
    Long attemptCount = whole(invoice, "attempt_count", where());
    if (attemptCount != null && attemptCount != attemptCount.intValue()) {
      throw new MalformedEventException("cannot read " + where() + ": attempt_count is too large");
    }
    Long nextAttempt = whole(invoice, "next_payment_attempt", where());
    return new StripeInvoice(
        text(invoice, "id", where()),
        text(invoice, "customer", where()),
        text(invoice, "customer_email", where()),
        amountDue(invoice),
        text(invoice, "currency", where()),
        attemptCount == null ? 0 : attemptCount.intValue(),
        nextAttempt == null ? null : epochSecond(nextAttempt, "next_payment_attempt", where()),
        text(invoice, "hosted_invoice_url", where()));
  }

  /** 0 when absent; Stripe's own limit is 99,999,999, so anything beyond ours is no invoice. */
  private long amountDue(JsonNode invoice) {
    JsonNode amount = invoice.path("amount_due");
    boolean inRange =
        amount.isIntegralNumber()
            && amount.canConvertToLong()
            && amount.longValue() >= 0
            && amount.longValue() <= StripeInvoice.MAX_AMOUNT_DUE;
    if (amount.isIntegralNumber() && !inRange) {
      throw new MalformedEventException(
          "invoice amount_due must be 0 to "
              + StripeInvoice.MAX_AMOUNT_DUE
              + " (minor units): "
              + amount.asString());
    }
    Long amountDue = whole(invoice, "amount_due", where());
    return amountDue == null ? 0 : amountDue;
  }

  /** The latest invoice of the subscription in {@code data.object}, or null when it has none. */
  String latestInvoiceOfSubscription() {
    return text(object("subscription"), "latest_invoice", where());
  }

  private JsonNode object(String expected) {
    JsonNode object = event.path("data").path("object");
    if (!object.isObject()) {
      throw new MalformedEventException("cannot read data.object of " + type);
    }
    if (!expected.equals(object.path("object").asString(""))) {
      throw new MalformedEventException(type + " without a " + expected + " object");
    }
    return object;
  }

  private String where() {
    return "data.object of " + type;
  }

  /**
   * A string field, or the id of an expanded object in its place (Stripe's expandable fields).
   *
   * @return null when the field is absent or null
   */
  private static String text(JsonNode object, String field, String where) {
    JsonNode value = object.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (value.isString()) {
      return value.stringValue();
    }
    if (value.isObject() && value.path("id").isString()) {
      return value.path("id").stringValue();
    }
    throw new MalformedEventException("cannot read " + where + ": " + field + " is not a string");
  }

  /**
   * @return null when the field is absent or null
   */
  private static Long whole(JsonNode object, String field, String where) {
    JsonNode value = object.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      throw new MalformedEventException(
          "cannot read " + where + ": " + field + " is not a whole number");
    }
    if (!value.canConvertToLong()) {
      throw new MalformedEventException("cannot read " + where + ": " + field + " is too large");
    }
    return value.longValue();
  }

  private static Instant epochSecond(long seconds, String field, String where) {
    try {
      return Instant.ofEpochSecond(seconds);
    } catch (DateTimeException e) {
      throw new MalformedEventException("cannot read " + where + ": " + field + " is no time", e);
    }
  }
}
