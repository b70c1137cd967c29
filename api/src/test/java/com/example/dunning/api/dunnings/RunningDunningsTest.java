package com.example.dunning.api.dunnings;

import static com.example.dunning.api.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.api.ApiTestContext;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Helpers for the tests of /api/v1/dunnings, which share one context. */
abstract class RunningDunningsTest extends ApiTestContext {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Starts a dunning through the intake and waits until its first step has run. */
  String open(String prefix) {
    String invoice = newInvoiceId(prefix);
    HttpResponse<String> started = alice.post("/api/v1/dunnings", intake(invoice));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    await()
        .untilAsserted(
            () -> {
              JsonNode body = json(alice.get(path(invoice, "")));
              assertThat(body.at("/record/status").asString()).isEqualTo("ACTIVE");
              assertThat(body.at("/live/nextStep").asString()).isEqualTo("retry");
            });
    return invoice;
  }

  static String intake(String invoice) {
    return """
        {"provider":"elasticpath","invoiceId":"%s","customerId":"cus_%s","amount":1999,
         "currency":"USD","contact":{"email":"ada@example.com","phone":"+4712345678"}}
        """
        .formatted(invoice, invoice);
  }

  static String newInvoiceId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The recorded log as {@code TITLE: note}, oldest first. */
  List<String> titlesAndNotes(String invoice) {
    List<String> entries = new ArrayList<>();
    json(alice.get(path(invoice, "")))
        .get("log")
        .forEach(
            entry ->
                entries.add(entry.get("title").asString() + ": " + entry.get("note").asString()));
    return entries;
  }

  static String path(String id, String action) {
    return "/api/v1/dunnings/" + id + (action.isEmpty() ? "" : "/" + action);
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
