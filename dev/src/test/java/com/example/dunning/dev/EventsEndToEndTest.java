package com.example.dunning.dev;

import static com.example.dunning.dev.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Done when, on the dev stack: a business that knows only the signed events at the stack's receiver
 * cuts a customer's access when the package expires and gives it back when the customer pays late,
 * as docs/events.md shows.
 */
class EventsEndToEndTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient http = HttpClient.newHttpClient();

  private static DevStack stack;
  private static DevPorts ports;

  @BeforeAll
  static void startTheStack() throws Exception {
    ports = DevPorts.free();
    stack = new DevStack(ports, Map.of());
    stack.start("--spring.profiles.active=events-e2e");
  }

  @AfterAll
  static void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void
      givenTheReceiversEventsAlone_whenThePackageExpiresAndIsPaidLate_accessShouldBeCutThenRestored()
          throws Exception {
    String invoice = "in_e2e_events";
    String dunningId = "dunning-stripe-" + invoice;
    String failure = SignedStripeEvents.invoiceEvent("invoice.payment_failed", invoice, 1);
    assertThat(webhook(failure).statusCode()).isEqualTo(200);
    CustomerAccess access = new CustomerAccess();

    await().until(() -> access.apply(events(dunningId)).revoked.contains("sub_" + invoice));
    HttpResponse<String> paid =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + ports.api()
                            + "/api/v1/dunnings/"
                            + invoice
                            + "/mark-paid"))
                .header("Authorization", "Bearer " + stack.apiToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"bank transfer\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(paid.statusCode()).as(paid.body()).isIn(200, 202);
    await().until(() -> access.apply(events(dunningId)).recovered.contains(dunningId));

    assertThat(access.revoked).doesNotContain("sub_" + invoice);
    assertThat(access.everRevoked).contains("sub_" + invoice);
    List<String> types = events(dunningId).stream().map(e -> e.get("type").asString()).toList();
    assertThat(types)
        .startsWith("dunning.started")
        .containsSubsequence(
            "dunning.package_expired", "dunning.package_restored", "dunning.recovered")
        .doesNotContain("dunning.expired");
    assertThat(stack.events().arrivals()).allMatch(EventReceiver.Arrival::signed);
  }

  /** The business's side: access by subscription, as the events tell it, each id applied once. */
  private static final class CustomerAccess {
    final Set<String> applied = new HashSet<>();
    final Set<String> revoked = new HashSet<>();
    final Set<String> everRevoked = new HashSet<>();
    final Set<String> recovered = new HashSet<>();

    CustomerAccess apply(List<JsonNode> events) {
      for (JsonNode event : events) {
        if (!applied.add(event.get("id").asString())) {
          continue;
        }
        String subscription = event.path("data").path("subscriptionId").asString();
        switch (event.get("type").asString()) {
          case "dunning.package_expired" -> {
            revoked.add(subscription);
            everRevoked.add(subscription);
          }
          case "dunning.package_restored" -> revoked.remove(subscription);
          case "dunning.recovered" -> recovered.add(event.get("dunningId").asString());
          default -> {}
        }
      }
      return this;
    }
  }

  /** The dunning's signed events at the receiver, in arrival order. */
  private static List<JsonNode> events(String dunningId) {
    return stack.events().signed().stream()
        .map(arrival -> JSON.readTree(arrival.body()))
        .filter(event -> event.get("dunningId").asString().equals(dunningId))
        .toList();
  }

  private static HttpResponse<String> webhook(String payload) throws Exception {
    return http.send(
        StripeWebhookSignature.delivery(
                URI.create("http://127.0.0.1:" + ports.api() + "/webhooks/stripe"), payload)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
