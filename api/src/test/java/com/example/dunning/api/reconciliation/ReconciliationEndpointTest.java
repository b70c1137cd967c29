package com.example.dunning.api.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.api.TestDatabase;
import com.example.dunning.api.security.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
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

/** {@code GET /api/v1/reconciliations} over HTTP, reading the sweeps from a real PostgreSQL. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=dunning-api",
      "spring.temporal.test-server.enabled=true",
      "spring.temporal.workers-auto-discovery.packages=com.example.dunning.api.testworkflow"
    })
@TestPropertySource(TestTokens.PROPERTIES)
class ReconciliationEndpointTest {

  private static final Instant FIRST = Instant.parse("2026-11-27T10:00:00Z");
  private static final Instant SECOND = Instant.parse("2026-11-27T10:15:00Z");

  private final HttpClient http = HttpClient.newHttpClient();
  private final JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.dataSource());

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
  }

  @BeforeEach
  void twoSweeps() {
    jdbc.update("TRUNCATE reconciliation");
    jdbc.update(
        "INSERT INTO reconciliation VALUES ('sweep-1', ?, ?, 250, 2, 140, 1, 0)",
        Timestamp.from(FIRST),
        Timestamp.from(FIRST.plusSeconds(4)));
    jdbc.update(
        "INSERT INTO reconciliation (sweep_id, started_at) VALUES ('sweep-2', ?)",
        Timestamp.from(SECOND));
  }

  @Test
  void givenTwoSweeps_whenListed_itShouldAnswerThemNewestFirstWithTheirCounts() throws Exception {
    JsonNode sweeps = get("/api/v1/reconciliations");

    assertThat(sweeps.size()).isEqualTo(2);
    assertThat(sweeps.get(0).get("sweepId").asString()).isEqualTo("sweep-2");
    assertThat(sweeps.get(0).get("finishedAt").isNull()).isTrue();
    JsonNode first = sweeps.get(1);
    assertThat(first.get("startedAt").asString()).isEqualTo(FIRST.toString());
    assertThat(first.get("finishedAt").asString()).isEqualTo(FIRST.plusSeconds(4).toString());
    assertThat(first.get("invoicesScanned").asInt()).isEqualTo(250);
    assertThat(first.get("dunningsStarted").asInt()).isEqualTo(2);
    assertThat(first.get("dunningsChecked").asInt()).isEqualTo(140);
    assertThat(first.get("dunningsEnded").asInt()).isEqualTo(1);
    assertThat(first.get("errors").asInt()).isEqualTo(0);
  }

  @Test
  void givenALimit_whenListed_itShouldAnswerNoMore() throws Exception {
    assertThat(get("/api/v1/reconciliations?limit=1").size()).isEqualTo(1);
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.READER)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JsonMapper.builder().build().readTree(response.body());
  }
}
