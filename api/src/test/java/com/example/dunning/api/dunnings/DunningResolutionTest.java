package com.example.dunning.api.dunnings;

import static com.example.dunning.api.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.dunning.DunningIds;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Manual resolution over HTTP, against the real dunning workflow and its records: each action's
 * effect on a running dunning, and the 400, 404 and 409 answers. Dunnings are started through the
 * intake, as a provider without webhooks would.
 */
class DunningResolutionTest extends RunningDunningsTest {

  @Test
  void givenARunningDunning_whenPausedThenResumed_itShouldAnswerEachNewStateAndRecordBoth() {
    String invoice = open("pause");
    Instant until = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

    HttpResponse<String> paused =
        alice.post(path(invoice, "pause"), "{\"until\":\"" + until + "\"}");

    assertThat(paused.statusCode()).isEqualTo(200);
    JsonNode live = json(paused).get("live");
    assertThat(live.get("status").asString()).isEqualTo("PAUSED");
    assertThat(Instant.parse(live.get("pausedUntil").asString())).isEqualTo(until);
    assertThat(live.get("pausedUntilResumed").asBoolean()).isFalse();

    HttpResponse<String> resumed = alice.post(path(invoice, "resume"));

    assertThat(resumed.statusCode()).isEqualTo(200);
    assertThat(json(resumed).at("/live/status").asString()).isEqualTo("ACTIVE");
    assertThat(json(resumed).at("/live/pausedUntil").isNull()).isTrue();
    await()
        .untilAsserted(
            () ->
                assertThat(titlesAndNotes(invoice))
                    .contains("PAUSED: by alice until " + until, "RESUMED: by alice"));
  }

  @Test
  void givenAPauseWithoutEnd_whenAsked_itShouldBePausedUntilResumed() {
    String invoice = open("hold");

    HttpResponse<String> paused = alice.post(path(invoice, "pause"), "{}");

    assertThat(paused.statusCode()).isEqualTo(200);
    assertThat(json(paused).at("/live/status").asString()).isEqualTo("PAUSED");
    assertThat(json(paused).at("/live/pausedUntilResumed").asBoolean()).isTrue();
    await()
        .untilAsserted(
            () ->
                assertThat(json(alice.get(path(invoice, ""))).at("/record/status").asString())
                    .isEqualTo("PAUSED"));
  }

  @Test
  void givenARunningDunning_whenMarkedPaidByItsInvoiceId_itShouldAnswerRecoveredWithTheNote() {
    String invoice = open("paid");

    HttpResponse<String> paid =
        alice.post(path(invoice, "mark-paid"), "{\"note\":\"paid by bank transfer\"}");

    assertThat(paid.statusCode()).isEqualTo(200);
    JsonNode body = json(paid);
    assertThat(body.at("/live/status").asString()).isEqualTo("RECOVERED");
    assertThat(body.at("/live/result/reason").asString())
        .isEqualTo("marked paid by alice: paid by bank transfer");
    assertThat(body.at("/record/status").asString()).isEqualTo("RECOVERED");
    assertThat(body.at("/record/endedAt").isNull()).isFalse();
    assertThat(titlesAndNotes(invoice)).last().asString().startsWith("PAID: marked paid by alice");
  }

  @Test
  void givenAnEndedDunning_whenMarkedPaidAgain_itShouldAnswer409() {
    String invoice = open("twice");
    assertThat(alice.post(path(invoice, "mark-paid")).statusCode()).isEqualTo(200);

    HttpResponse<String> again = alice.post(path(invoice, "mark-paid"));

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(again).get("status").asInt()).isEqualTo(409);
    assertThat(json(again).get("dunningStatus").asString()).isEqualTo("RECOVERED");
    assertThat(json(again).get("detail").asString()).contains("already ended RECOVERED");
  }

  @Test
  void givenARunningDunning_whenCancelledByItsDunningId_itShouldEndCancelledAndRefuseAPause() {
    String invoice = open("cancel");
    String dunningId = DunningIds.workflowId("elasticpath", invoice);

    HttpResponse<String> cancelled =
        alice.post("/api/v1/dunnings/" + dunningId + "/cancel", "{\"reason\":\"customer left\"}");

    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(json(cancelled).at("/live/status").asString()).isEqualTo("CANCELLED");
    assertThat(json(cancelled).at("/live/result/reason").asString())
        .isEqualTo("cancelled by alice: customer left");
    HttpResponse<String> pause = alice.post("/api/v1/dunnings/" + dunningId + "/pause", "{}");
    assertThat(pause.statusCode()).isEqualTo(409);
    assertThat(json(pause).get("dunningId").asString()).isEqualTo(dunningId);
  }

  @Test
  void givenADeclinedCard_whenRetriedNow_itShouldAnswerAfterTheChargeWithTheAttemptCounted() {
    String invoice = open("declines");

    HttpResponse<String> retried = alice.post(path(invoice, "retry-now"));

    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(json(retried).at("/live/status").asString()).isEqualTo("ACTIVE");
    assertThat(json(retried).at("/live/attemptCount").asInt()).isEqualTo(2);
  }

  @Test
  void givenACardThatNowPays_whenRetriedNow_itShouldAnswerRecovered() {
    String invoice = open(RunningDunnings.PAYING);

    HttpResponse<String> retried = alice.post(path(invoice, "retry-now"));

    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(json(retried).at("/live/status").asString()).isEqualTo("RECOVERED");
    assertThat(json(retried).at("/live/result/reason").asString())
        .isEqualTo("recovered by a charge retried by the dunning (retry requested by alice)");
  }

  @Test
  void givenARunningDunning_whenRead_itShouldShowTheRecordTheLiveStateAndTheLog() {
    String invoice = open("read");

    JsonNode body = json(reporting.get(path(invoice, "")));

    assertThat(body.at("/record/dunningId").asString())
        .isEqualTo(DunningIds.workflowId("elasticpath", invoice));
    assertThat(body.at("/record/provider").asString()).isEqualTo("elasticpath");
    assertThat(body.at("/record/amountDue").asLong()).isEqualTo(1999);
    assertThat(body.at("/live/status").asString()).isEqualTo("ACTIVE");
    assertThat(body.at("/live/nextStep").asString()).isEqualTo("retry");
    assertThat(body.at("/live/policyVersion").asString()).isEqualTo("default-v1");
    assertThat(body.at("/log/0/title").asString()).isEqualTo("PAYMENT FAILED");
  }

  @Test
  void givenAnUnknownInvoice_whenActedOn_itShouldAnswer404() {
    HttpResponse<String> response = alice.post(path("no-such-invoice", "mark-paid"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response).get("detail").asString()).contains("no-such-invoice");
    assertThat(alice.get(path("no-such-invoice", "")).statusCode()).isEqualTo(404);
  }

  @Test
  void givenAPauseUntilAWordNotADate_whenAsked_itShouldAnswer400NamingTheField() {
    String invoice = open("badpause");

    HttpResponse<String> response = alice.post(path(invoice, "pause"), "{\"until\":\"tomorrow\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("title").asString()).isEqualTo("Invalid request");
    // The field, the value refused and the form expected; not the parser's own wording.
    assertThat(problem.get("detail").asString())
        .startsWith("until: ")
        .contains("'tomorrow'", "ISO-8601 instant");
    assertThat(problem.at("/errors/0").asString()).isEqualTo(problem.get("detail").asString());
    assertStillActive(invoice);
  }

  @Test
  void givenABodyThatIsNotJson_whenPaused_itShouldAnswer400SayingSo() {
    String invoice = open("badjson");

    HttpResponse<String> response = alice.post(path(invoice, "pause"), "{\"until\": 12");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("title").asString()).isEqualTo("Invalid request");
    // The kind of failure, with no field to name; the parser's words after it are its own.
    assertThat(problem.get("detail").asString()).startsWith("malformed JSON: ");
    assertStillActive(invoice);
  }

  @Test
  void givenAPauseUntilThePast_whenAsked_itShouldAnswer400() {
    String invoice = open("pastpause");

    HttpResponse<String> response =
        alice.post(path(invoice, "pause"), "{\"until\":\"2020-01-01T00:00:00Z\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("detail").asString()).contains("until: must be in the future");
    assertStillActive(invoice);
  }

  /** A refused request changes nothing: the dunning runs on, unpaused. */
  private void assertStillActive(String invoice) {
    JsonNode body = json(alice.get(path(invoice, "")));
    assertThat(body.at("/live/status").asString()).isEqualTo("ACTIVE");
    assertThat(body.at("/record/status").asString()).isEqualTo("ACTIVE");
  }
}
