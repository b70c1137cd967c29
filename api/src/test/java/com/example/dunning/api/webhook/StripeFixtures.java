package com.example.dunning.api.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook bodies built from Stripe's own fixtures, which the activities module's test-jar carries
 * under {@code stripe-fixtures/}.
 */
final class StripeFixtures {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StripeFixtures() {}

  static ObjectNode event(String type, ObjectNode object, long created) {
    ObjectNode event = read("event.json");
    event.put("type", type);
    event.put("created", created);
    ((ObjectNode) event.get("data")).set("object", object);
    return event;
  }

  static ObjectNode event() {
    return read("event.json");
  }

  static ObjectNode invoice(String id) {
    ObjectNode invoice = read("invoice.json");
    invoice.put("id", id);
    return invoice;
  }

  static ObjectNode subscription(String latestInvoice) {
    ObjectNode subscription = read("subscription.json");
    subscription.put("latest_invoice", latestInvoice);
    return subscription;
  }

  static String write(ObjectNode node) {
    return JSON.writeValueAsString(node);
  }

  private static ObjectNode read(String name) {
    try {
      try (InputStream in = StripeFixtures.class.getResourceAsStream("/stripe-fixtures/" + name)) {
        if (in == null) {
          throw new IllegalArgumentException("no Stripe fixture stripe-fixtures/" + name);
        }
        return (ObjectNode) JSON.readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
