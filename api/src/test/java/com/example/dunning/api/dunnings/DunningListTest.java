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

/** GET /api/v1/dunnings: filters, newest first, pages. Each test has customers of its own. */
class DunningListTest extends RunningDunningsTest {

  private static final Instant DAY = Instant.parse("2022-06-01T09:00:00Z");

  private final RecordedDunnings recorded = new RecordedDunnings();

  @Test
  void givenThreeDunningsOfACustomer_whenListedTwoAPage_itShouldPageThemNewestFirst() {
    String customer = newInvoiceId("cus");
    String oldest = recorded.open(newInvoiceId("l"), customer, 100, "usd", DAY);
    String middle = recorded.open(newInvoiceId("l"), customer, 200, "usd", DAY.plusSeconds(60));
    String newest = recorded.open(newInvoiceId("l"), customer, 300, "usd", DAY.plusSeconds(120));
    recorded.open(newInvoiceId("l"), newInvoiceId("other"), 400, "usd", DAY);

    JsonNode first = json(reporting.get("/api/v1/dunnings?customer=" + customer + "&size=2"));
    JsonNode second =
        json(reporting.get("/api/v1/dunnings?customer=" + customer + "&size=2&page=1"));

    assertThat(ids(first)).containsExactly(newest, middle);
    assertThat(first.get("total").asLong()).isEqualTo(3);
    assertThat(first.get("page").asInt()).isZero();
    assertThat(first.get("size").asInt()).isEqualTo(2);
    assertThat(ids(second)).containsExactly(oldest);
    assertThat(first.at("/items/0/amountDue").asLong()).isEqualTo(300);
    assertThat(first.at("/items/0/customerId").asString()).isEqualTo(customer);
  }

  @Test
  void givenACustomerEmail_whenListed_itShouldFindTheCustomersDunningsIgnoringCase() {
    String customer = newInvoiceId("mail");
    String dunning = recorded.open(newInvoiceId("l"), customer, 100, "usd", DAY);

    JsonNode page =
        json(reporting.get("/api/v1/dunnings?customer=" + customer.toUpperCase() + "@EXAMPLE.COM"));

    assertThat(ids(page)).containsExactly(dunning);
  }

  @Test
  void givenDunningsInSeveralStates_whenFilteredByStatusAndDate_itShouldKeepOnlyThoseAsked() {
    String customer = newInvoiceId("st");
    String active = recorded.open(newInvoiceId("l"), customer, 100, "usd", DAY);
    String paused = recorded.open(newInvoiceId("l"), customer, 100, "usd", DAY.plusSeconds(1));
    recorded.pause(paused, DAY.plusSeconds(30));
    String recovered = recorded.open(newInvoiceId("l"), customer, 100, "usd", DAY.plusSeconds(2));
    recorded.close(recovered, DunningStatus.RECOVERED, DAY.plus(Duration.ofDays(1)));
    String lastMonth =
        recorded.open(newInvoiceId("l"), customer, 100, "usd", DAY.minus(Duration.ofDays(30)));

    JsonNode open =
        json(
            reporting.get(
                "/api/v1/dunnings?customer=" + customer + "&status=active,PAUSED&from=2022-06-01"));
    JsonNode recoveredOnly =
        json(reporting.get("/api/v1/dunnings?customer=" + customer + "&status=RECOVERED"));
    JsonNode before =
        json(reporting.get("/api/v1/dunnings?customer=" + customer + "&to=2022-05-31"));

    assertThat(ids(open)).containsExactly(paused, active);
    assertThat(ids(recoveredOnly)).containsExactly(recovered);
    assertThat(recoveredOnly.at("/items/0/endedAt").asString()).isEqualTo("2022-06-02T09:00:00Z");
    assertThat(ids(before)).containsExactly(lastMonth);
  }

  @Test
  void givenAnUnknownStatus_whenListed_itShouldAnswer400NamingTheStatuses() {
    HttpResponse<String> response = reporting.get("/api/v1/dunnings?status=LOST");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response).get("detail").asString()).contains("'LOST'", "RECOVERED");
  }

  @Test
  void givenAPageTooLarge_whenListed_itShouldAnswer400() {
    assertThat(reporting.get("/api/v1/dunnings?size=1000").statusCode()).isEqualTo(400);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("dunningId").asString()));
    return ids;
  }
}
