package com.example.dunning.api.dunnings;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.model.DunningStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
  void givenRecoveriesAtSeveralSteps_whenStatsAreAsked_itShouldSplitThemByWeekAndByStep() {
    Instant monday = Instant.parse("2020-03-02T10:00:00Z");
    String atNotice = recorded.open(newInvoiceId("w"), "c1", 1000, "usd", monday);
    recorded.notice(atNotice, "notice", "email", monday, "c1@example.com");
    recorded.close(atNotice, DunningStatus.RECOVERED, monday.plus(Duration.ofDays(1)));
    String afterRetry1Notice = recorded.open(newInvoiceId("w"), "c2", 2000, "usd", monday);
    recorded.notice(afterRetry1Notice, "notice", "email", monday, "c2@example.com");
    recorded.notice(
        afterRetry1Notice, "retry-1", "email", monday.plus(Duration.ofDays(3)), "c2@example.com");
    recorded.close(afterRetry1Notice, DunningStatus.RECOVERED, monday.plus(Duration.ofDays(5)));
    String byRetry1Charge = recorded.open(newInvoiceId("w"), "c3", 4000, "usd", monday);
    recorded.notice(byRetry1Charge, "notice", "sms", monday, "+4712345678");
    recorded.close(
        byRetry1Charge,
        DunningStatus.RECOVERED,
        monday.plus(Duration.ofDays(3)),
        "recovered by a charge retried by the dunning (step retry-1)");
    String beforeAnyStep = recorded.open(newInvoiceId("w"), "c4", 500, "eur", monday);
    recorded.close(beforeAnyStep, DunningStatus.RECOVERED, monday.plus(Duration.ofHours(1)));
    String afterRetry2 = recorded.open(newInvoiceId("w"), "c5", 3000, "usd", monday);
    recorded.notice(afterRetry2, "notice", "email", monday, "c5@example.com");
    recorded.notice(afterRetry2, "retry-1", "email", monday.plus(Duration.ofDays(3)), null);
    recorded.notice(afterRetry2, "retry-2", "sms", monday.plus(Duration.ofDays(7)), null);
    recorded.notice(afterRetry2, "recovered", "email", monday.plus(Duration.ofDays(9)), null);
    recorded.close(afterRetry2, DunningStatus.RECOVERED, monday.plus(Duration.ofDays(9)));
    String cancelled = recorded.open(newInvoiceId("w"), "c6", 800, "usd", monday);
    recorded.notice(cancelled, "notice", "email", monday, "c6@example.com");
    recorded.close(cancelled, DunningStatus.CANCELLED, monday.plus(Duration.ofDays(2)));

    JsonNode stats = json(reporting.get("/api/v1/dunnings/stats?from=2020-03-01&to=2020-03-31"));

    assertThat(stats.at("/counts/recovered").asLong()).isEqualTo(5);
    assertThat(weeks(stats.get("recoveredByWeek")))
        .containsExactly("2020-03-02 eur 1 500", "2020-03-02 usd 3 7000", "2020-03-09 usd 1 3000");
    assertThat(steps(stats.get("recoveredAtStep")))
        .containsExactly("null 1 0.2", "notice 1 0.2", "retry-1 2 0.4", "retry-2 1 0.2");
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
    assertThat(stats.get("recoveredByWeek").isEmpty()).isTrue();
    assertThat(stats.get("recoveredAtStep").isEmpty()).isTrue();
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

  private static List<String> weeks(JsonNode weeks) {
    List<String> lines = new ArrayList<>();
    weeks.forEach(
        week ->
            lines.add(
                week.get("week").asString()
                    + " "
                    + week.get("currency").asString()
                    + " "
                    + week.get("count").asLong()
                    + " "
                    + week.get("amount").asLong()));
    return lines;
  }

  private static List<String> steps(JsonNode steps) {
    List<String> lines = new ArrayList<>();
    steps.forEach(
        step ->
            lines.add(
                (step.get("step").isNull() ? "null" : step.get("step").asString())
                    + " "
                    + step.get("count").asLong()
                    + " "
                    + step.get("share").asDouble()));
    return lines;
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
