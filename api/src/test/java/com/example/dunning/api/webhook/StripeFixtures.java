package com.example.dunning.api.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Webhook bodies built from Stripe's own fixtures in shared/stripe-fixtures. */
final class StripeFixtures {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path DIR = findFixtures();

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
      return (ObjectNode) JSON.readTree(Files.readString(DIR.resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path findFixtures() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path fixtures = dir.resolve("shared/stripe-fixtures");
      if (Files.isDirectory(fixtures)) {
        return fixtures;
      }
    }
    throw new IllegalStateException(
        "no shared/stripe-fixtures above " + Path.of("").toAbsolutePath());
  }
}
