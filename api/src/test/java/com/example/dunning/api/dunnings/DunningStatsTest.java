package com.example.dunning.api.dunnings;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.model.DunningStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/dunnings/stats over records in ranges of their own (years back). */
class DunningStatsTest extends RunningDunningsTest {

  private final RecordedDunnings recorded = new RecordedDunnings();

  @Test
  void givenDunningsInEveryState_whenStatsAreAsked_itShouldCountSumAndMeasureThem() {
    Instant day = Instant.parse("2021-01-10T12:00:00Z");
    String recoveredIn2Days = recorded.open(newInvoiceId("s"), "c1", 1000, "usd", day);
    recorded.close(recoveredIn2Days, DunningStatus.RECOVERED, day.plus(Duration.ofDays(2)));
    String recoveredIn4Days = recorded.open(newInvoiceId("s"), "c2", 3000, "usd", day);
    recorded.close(recoveredIn4Days, DunningStatus.RECOVERED, day.plus(Duration.ofDays(4)));
    String cancelled = recorded.open(newInvoiceId("s"), "c3", 500, "eur", day);
    recorded.close(cancelled, DunningStatus.CANCELLED, day.plus(Duration.ofDays(1)));
    String expired = recorded.open(newInvoiceId("s"), "c4", 700, "usd", day);
    recorded.close(expired, DunningStatus.EXPIRED, day.plus(Duration.ofDays(15)));
    recorded.open(newInvoiceId("s"), "c5", 200, "usd", day);
    String paused = recorded.open(newInvoiceId("s"), "c6", 100, "eur", day);
    recorded.pause(paused, day.plus(Duration.ofHours(1)));
    recorded.open(newInvoiceId("s"), "c7", 99_999, "usd", Instant.parse("2021-02-01T00:00:00Z"));

    HttpResponse<String> response =
        reporting.get("/api/v1/dunnings/stats?from=2021-01-01&to=2021-01-31");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode stats = json(response);
    assertThat(stats.get("from").asString()).isEqualTo("2021-01-01T00:00:00Z");
    assertThat(stats.get("to").asString()).isEqualTo("2021-02-01T00:00:00Z");
    assertThat(counts(stats.get("counts"))).containsExactly(2L, 2L, 1L, 1L, 6L);
    assertThat(stats.get("recoveryRate").asDouble()).isEqualTo(0.5);
    assertThat(stats.get("medianTimeToRecovery").asString()).isEqualTo("PT72H");
    assertThat(stats.get("medianTimeToRecoverySeconds").asLong()).isEqualTo(259_200L);
    JsonNode eur = stats.at("/currencies/0");
    assertThat(eur.get("currency").asString()).isEqualTo("eur");
    assertThat(counts(eur.get("counts"))).containsExactly(1L, 0L, 1L, 0L, 2L);
    assertThat(counts(eur.get("amounts"))).containsExactly(100L, 0L, 500L, 0L, 600L);
    assertThat(eur.get("recoveryRate").asDouble()).isEqualTo(0.0);
    JsonNode usd = stats.at("/currencies/1");
    assertThat(usd.get("currency").asString()).isEqualTo("usd");
    assertThat(counts(usd.get("amounts"))).containsExactly(200L, 4000L, 0L, 700L, 4900L);
    assertThat(usd.get("recoveryRate").asDouble()).isEqualTo(0.6667);
  }

  @Test
  void givenARangeWithoutDunnings_whenStatsAreAsked_itShouldAnswerZerosAndNoRates() {
    JsonNode stats =
        json(
            reporting.get(
                "/api/v1/dunnings/stats?from=2019-03-01T00:00:00Z&to=2019-04-01T00:00:00Z"));

    assertThat(counts(stats.get("counts"))).containsExactly(0L, 0L, 0L, 0L, 0L);
    assertThat(stats.get("recoveryRate").isNull()).isTrue();
    assertThat(stats.get("medianTimeToRecovery").isNull()).isTrue();
    assertThat(stats.get("currencies").isEmpty()).isTrue();
  }

  @Test
  void givenFromAfterTo_whenStatsAreAsked_itShouldAnswer400() {
    HttpResponse<String> response =
        reporting.get("/api/v1/dunnings/stats?from=2021-02-01&to=2021-01-01");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("detail").asString()).contains("from must be before to");
  }

  @Test
  void givenADateThatIsNot_whenStatsAreAsked_itShouldAnswer400NamingIt() {
    HttpResponse<String> response = reporting.get("/api/v1/dunnings/stats?from=last-week");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("detail").asString()).startsWith("from: 'last-week'");
  }

  private static Long[] counts(JsonNode counts) {
    return new Long[] {
      counts.get("open").asLong(),
      counts.get("recovered").asLong(),
      counts.get("cancelled").asLong(),
      counts.get("expired").asLong(),
      counts.get("total").asLong()
    };
  }
}
