package com.example.dunning.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.api.TestDatabase;
import com.example.dunning.api.security.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/events} and {@code POST /api/v1/events/{id}/redeliver} over HTTP, on events
 * the worker's own outbox wrote into a real PostgreSQL.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=dunning-api",
      "spring.temporal.test-server.enabled=true",
      "spring.temporal.workers-auto-discovery.packages=com.example.dunning.api.testworkflow"
    })
@TestPropertySource(TestTokens.PROPERTIES)
class EventsEndpointTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.dataSource());

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
  }

  private final OutboxDunnings outbox = new OutboxDunnings();
  private String dunningId;

  @BeforeEach
  void aDunningWithAFailedDelivery() {
    dunningId = outbox.cancelledWithAFailedDelivery();
  }

  @Test
  void givenADunningsEvents_whenListed_itShouldAnswerThemInSequenceWithTheirDeliveries()
      throws Exception {
    JsonNode events = get("/api/v1/events?dunning=" + dunningId, TestTokens.READER);

    assertThat(events.size()).isEqualTo(2);
    assertThat(events.get(0).get("type").asString()).isEqualTo("dunning.started");
    assertThat(events.get(0).get("sequence").asInt()).isEqualTo(1);
    assertThat(events.get(0).get("deliveries").get(0).get("state").asString())
        .isEqualTo("DELIVERED");
    JsonNode cancelled = events.get(1);
    assertThat(cancelled.get("type").asString()).isEqualTo("dunning.cancelled");
    assertThat(cancelled.get("dunningId").asString()).isEqualTo(dunningId);
    assertThat(cancelled.get("created").asString()).isEqualTo(OutboxDunnings.ENDED.toString());
    JsonNode delivery = cancelled.get("deliveries").get(0);
    assertThat(delivery.get("endpoint").asString())
        .isEqualTo("https://receiver.example.com/events");
    assertThat(delivery.get("attempts").asInt()).isEqualTo(80);
    assertThat(delivery.get("lastStatus").asInt()).isEqualTo(503);
  }

  @Test
  void givenAFailedDelivery_whenListedByStatusFailed_itShouldAnswerThatEventOnly()
      throws Exception {
    JsonNode failed =
        get("/api/v1/events?dunning=" + dunningId + "&status=failed", TestTokens.READER);

    assertThat(failed.size()).isEqualTo(1);
    assertThat(failed.get(0).get("type").asString()).isEqualTo("dunning.cancelled");
    assertThat(get("/api/v1/events?dunning=other&status=failed", TestTokens.READER).size())
        .isZero();
  }

  @Test
  void givenAFailedDelivery_whenRedelivered_itShouldBeDueAgainUnderTheSameId() throws Exception {
    String id = failedEventId();

    HttpResponse<String> first = post("/api/v1/events/" + id + "/redeliver", TestTokens.RESOLVER);
    HttpResponse<String> second = post("/api/v1/events/" + id + "/redeliver", TestTokens.RESOLVER);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(
            jdbc.queryForObject(
                "SELECT state || ' ' || (next_try_at <= now()) || ' ' || (failed_at IS NULL)"
                    + " FROM event_delivery WHERE event_id = ?",
                String.class,
                id))
        .isEqualTo("PENDING true true");
    assertThat(second.statusCode()).as("pending already").isEqualTo(409);
    assertThat(post("/api/v1/events/evt_none/redeliver", TestTokens.RESOLVER).statusCode())
        .isEqualTo(404);
  }

  @Test
  void givenAReadToken_whenItRedelivers_itShouldBeRefusedAndChangeNothing() throws Exception {
    String id = failedEventId();

    assertThat(post("/api/v1/events/" + id + "/redeliver", TestTokens.READER).statusCode())
        .isEqualTo(403);
    assertThat(
            jdbc.queryForObject(
                "SELECT state FROM event_delivery WHERE event_id = ?", String.class, id))
        .isEqualTo("FAILED");
  }

  @Test
  void givenNoTokenOrABadStatus_whenListed_itShouldAnswer401Or400() throws Exception {
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/v1/events?status=lost", TestTokens.READER).statusCode())
        .isEqualTo(400);
  }

  private String failedEventId() {
    return outbox.failedEventId(dunningId);
  }

  private JsonNode get(String path, String token) throws Exception {
    HttpResponse<String> response = send("GET", path, token);
    assertThat(response.statusCode()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(response.body());
  }

  private HttpResponse<String> post(String path, String token) throws Exception {
    return send("POST", path, token);
  }

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
