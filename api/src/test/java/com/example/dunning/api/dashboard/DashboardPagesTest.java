package com.example.dunning.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.api.ApiTestContext;
import com.example.dunning.api.dunnings.RecordedDunnings;
import com.example.dunning.workflows.model.DunningStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's pages over HTTP with a Bearer header (no browser needed): what a customer typed
 * comes out escaped, and who may see and act is the API's rule.
 */
class DashboardPagesTest extends ApiTestContext {

  private static final String SCRIPT = "<script>alert('x')</script>";

  private final RecordedDunnings recorded = new RecordedDunnings();

  @Autowired private WorkflowClient temporal;

  @Test
  void givenACustomerWhoTypedAScript_whenTheirDunningIsShown_itShouldComeOutEscaped() {
    String customer = SCRIPT + UUID.randomUUID().toString().substring(0, 6);
    String dunningId =
        recorded.open(
            "in_" + UUID.randomUUID().toString().substring(0, 8),
            customer,
            1999,
            "usd",
            Instant.parse("2022-05-02T10:00:00Z"));
    recorded.notice(dunningId, "notice", "email", Instant.parse("2022-05-02T10:00:01Z"), customer);
    recorded.close(
        dunningId, DunningStatus.CANCELLED, Instant.parse("2022-05-03T10:00:00Z"), SCRIPT);

    HttpResponse<String> page = reporting.get("/dashboard/dunnings/" + dunningId);
    HttpResponse<String> list =
        reporting.get("/dashboard/dunnings?from=2022-05-01&to=2022-05-31&provider=stripe");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .doesNotContain("<script>")
        .contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" + customer.substring(SCRIPT.length()))
        .contains("CANCELLED");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).doesNotContain("<script>").contains("&lt;script&gt;");
  }

  @Test
  void givenMoreDunningsThanAPage_whenListed_itShouldLinkToTheNextPageKeepingTheFilter() {
    String customer = "cus_" + UUID.randomUUID().toString().substring(0, 6) + "+pages";
    Instant first = Instant.parse("2023-03-01T00:00:00Z");
    for (int i = 0; i < DunningTableController.PAGE_SIZE + 2; i++) {
      recorded.open(
          "in_" + UUID.randomUUID().toString().substring(0, 8),
          customer,
          100,
          "usd",
          first.plusSeconds(i));
    }

    String pageOne =
        reporting
            .get(
                "/dashboard/dunnings?status=ACTIVE&customer="
                    + URLEncoder.encode(customer, StandardCharsets.UTF_8))
            .body();
    Matcher next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(pageOne);

    assertThat(rows(pageOne)).isEqualTo(DunningTableController.PAGE_SIZE);
    assertThat(next.find()).isTrue();
    String pageTwo = reporting.get(next.group(1).replace("&amp;", "&")).body();
    assertThat(rows(pageTwo)).isEqualTo(2);
    assertThat(pageTwo).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
    assertThat(pageTwo).contains("value=\"" + customer + "\"");
  }

  @Test
  void givenNoToken_whenTheDashboardIsAsked_itShouldSendTheBrowserToTheLoginForm() {
    HttpResponse<String> response = anonymous.get("/dashboard/dunnings");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .endsWith("/dashboard/login");
    assertThat(anonymous.get("/dashboard/login").body()).contains("<label for=\"token\">");
  }

  @Test
  void givenAnUnknownBearerToken_whenTheDashboardIsAsked_itShouldAnswer401AsTheApiDoes() {
    HttpResponse<String> response = anonymous.as("not-a-token").get("/dashboard");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("invalid_token");
  }

  @Test
  void givenARunningDunning_whenAReadTokenPostsAnAction_itShouldAnswer403AndShowNoButtons() {
    String invoice = IntakeDunnings.open(alice, "buttons");

    HttpResponse<String> refused = reporting.post("/dashboard/dunnings/" + invoice + "/cancel");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("insufficient_scope");
    assertThat(reporting.get("/dashboard/dunnings/" + invoice).body())
        .contains("ACTIVE")
        .doesNotContain("id=\"pause\"", "id=\"retry-now\"", "id=\"mark-paid\"", "id=\"cancel\"");
    assertThat(alice.get("/dashboard/dunnings/" + invoice).body())
        .contains("id=\"pause\"", "id=\"retry-now\"", "id=\"mark-paid\"", "id=\"cancel\"");
  }

  @Test
  void givenARunningDunning_whenShown_itShouldShowTemporalsHistoryTimerAndSearchAttributes() {
    String invoice = IntakeDunnings.open(alice, "history");
    String dunningId = "dunning-elasticpath-" + invoice;
    List<HistoryEvent> history = temporal.fetchHistory(dunningId).getEvents();
    HistoryEvent newest = history.get(history.size() - 1);

    String page = reporting.get("/dashboard/dunnings/" + invoice).body();

    assertThat(page)
        .contains("The last " + history.size() + " of " + history.size() + " events, newest first.")
        .contains("<td>WorkflowExecutionStarted</td>", "<td>DunningWorkflow</td>")
        .contains("<td>TimerStarted</td>")
        .contains("<dt>DunningStatus</dt>\n          <dd>ACTIVE</dd>")
        .contains("<dt>InvoiceId</dt>\n          <dd>" + invoice + "</dd>")
        .contains("id=\"pending-timers\"")
        .doesNotContain("id=\"temporal-ui\"", "id=\"temporal-unavailable\"");
    assertThat(page.indexOf("data-event=\"" + newest.getEventId() + "\""))
        .isPositive()
        .isLessThan(page.indexOf("data-event=\"1\""));
  }

  @Test
  void givenTheOverview_whenAskedWithBadDates_itShouldSayWhyWith400() {
    HttpResponse<String> response = reporting.get("/dashboard?from=2021-02-01&to=2021-01-01");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("from must be before to");
  }

  private static long rows(String page) {
    return Pattern.compile("data-dunning=").matcher(page).results().count();
  }

  @Test
  void givenTheStylesheets_whenAskedWithoutAToken_theyShouldBeServed() {
    assertThat(anonymous.get("/webjars/picocss__pico/css/pico.min.css").statusCode())
        .isEqualTo(200);
    assertThat(anonymous.get("/dashboard/assets/dashboard.css").statusCode()).isEqualTo(200);
  }
}
