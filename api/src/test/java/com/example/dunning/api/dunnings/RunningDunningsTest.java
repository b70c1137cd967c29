package com.example.dunning.api.dunnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.dunning.api.ApiCaller;
import com.example.dunning.api.TestDatabase;
import com.example.dunning.api.security.TestTokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API over real HTTP, with the real dunning workflow running on Temporal's test server and its
 * records in PostgreSQL ({@link RunningDunnings}). The test classes that extend it share one
 * application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=dunning-api",
      "spring.temporal.test-server.enabled=true",
      RunningDunnings.WORKER_1,
      RunningDunnings.WORKER_2,
      RunningDunnings.WORKER_3
    })
@TestPropertySource(TestTokens.PROPERTIES)
@Import(RunningDunnings.class)
abstract class RunningDunningsTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
  }

  @Value("${local.server.port}")
  int port;

  /** Holds a resolve token named alice. */
  ApiCaller alice;

  /** Holds a read token named reporting. */
  ApiCaller reporting;

  @BeforeEach
  void callers() {
    alice = new ApiCaller(port, TestTokens.RESOLVER);
    reporting = new ApiCaller(port, TestTokens.READER);
  }

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
