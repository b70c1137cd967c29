package com.example.dunning.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.api.ApiTestContext;
import com.example.dunning.api.events.OutboxDunnings;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The dunning page's events panel over HTTP: each event and its delivery shown, a redeliver button
 * on the failed one for whoever may resolve, and the redelivery refused to a read token.
 */
class DashboardEventsTest extends ApiTestContext {

  private final OutboxDunnings outbox = new OutboxDunnings();

  @Test
  void givenAFailedDelivery_whenTheDunningIsShown_itShouldListTheEventsAndOfferARedelivery() {
    String dunningId = outbox.cancelledWithAFailedDelivery();

    String operatorPage = alice.get("/dashboard/dunnings/" + dunningId).body();
    String readerPage = reporting.get("/dashboard/dunnings/" + dunningId).body();

    assertThat(operatorPage)
        .contains("id=\"events\"", "dunning.started", "dunning.cancelled", OutboxDunnings.RECEIVER)
        .contains("DELIVERED, 1 attempt(s), last HTTP 200", "FAILED, 80 attempt(s), last HTTP 503")
        .contains("class=\"redeliver\"", outbox.failedEventId(dunningId));
    assertThat(readerPage).contains("dunning.cancelled").doesNotContain("class=\"redeliver\"");
  }

  @Test
  void givenAFailedDelivery_whenRedeliveredFromThePage_itShouldBeDueAgainAndRefusedToAReader() {
    String dunningId = outbox.cancelledWithAFailedDelivery();
    String event = outbox.failedEventId(dunningId);
    String redeliver = "/dashboard/dunnings/" + dunningId + "/redeliver?event=" + event;

    HttpResponse<String> refused = reporting.post(redeliver);
    String stateAfterRefusal = outbox.state(event);
    HttpResponse<String> done = alice.post(redeliver);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(stateAfterRefusal).isEqualTo("FAILED");
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(outbox.state(event)).isEqualTo("PENDING");
  }

  @Test
  void givenADunningWithoutEvents_whenShown_itShouldShowNoEventsPanel() {
    String dunningId = IntakeDunnings.open(alice, "no-events");

    assertThat(alice.get("/dashboard/dunnings/" + dunningId).body())
        .doesNotContain("id=\"events\"");
  }
}
