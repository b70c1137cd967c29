package com.example.dunning.api.dashboard;

import static com.example.dunning.api.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.api.ApiTestContext;
import com.example.dunning.api.Patience;
import com.example.dunning.api.dunnings.RecordedDunnings;
import com.example.dunning.api.security.TestTokens;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.DunningStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in a real browser (Debian's headless Chromium) against the API on a random port,
 * PostgreSQL and the real dunning workflow on Temporal's test server: signing in with a token, the
 * overview's figures against the database and the stats endpoint, a dunning paused from its page, a
 * refusal shown, and a read-only token that sees no buttons and is refused when it posts anyway.
 * Each page's screenshot is written to {@code target/dashboard-screenshots}.
 */
class DashboardBrowserTest extends ApiTestContext {

  private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
  private static final JsonMapper JSON = IntakeDunnings.JSON;

  private static ChromeDriver browser;
  private static Path profile;

  private final RecordedDunnings recorded = new RecordedDunnings();
  private final JdbcTemplate database = new JdbcTemplate(TestPostgres.dataSource());

  @BeforeAll
  static void startBrowser() throws IOException {
    Chromium.assumeInstalled();
    Files.createDirectories(SCREENSHOTS);
    profile = Chromium.newProfile();
    browser = Chromium.start(profile);
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @BeforeEach
  void signedOut() {
    browser.get(url("/dashboard/login"));
    browser.manage().deleteAllCookies();
  }

  @Test
  void givenDunningsInEveryState_whenTheOverviewIsOpened_itShouldShowTheFiguresOfTheDatabase() {
    recordAMonthOfDunnings();
    String active = open("ov");
    String paid = open("ov");
    assertThat(alice.post("/api/v1/dunnings/" + paid + "/mark-paid").statusCode()).isEqualTo(200);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String range = "?from=" + today.minusDays(34) + "&to=" + today;

    signIn(TestTokens.READER);
    browser.get(url("/dashboard" + range));

    assertThat(browser.getTitle()).isEqualTo("Overview · Dunning");
    // Dunnings of other tests may move on meanwhile: the page and the database must agree at once.
    await()
        .untilAsserted(
            () -> {
              browser.navigate().refresh();
              assertThat(shownCounts())
                  .isEqualTo(countsInDatabase(today.minusDays(34), today.plusDays(1)));
            });
    Map<String, Long> shown = shownCounts();
    assertThat(shown.get("open")).isGreaterThanOrEqualTo(1);
    assertThat(shown.get("recovered")).isGreaterThanOrEqualTo(5);
    JsonNode stats = JSON.readTree(reporting.get("/api/v1/dunnings/stats" + range).body());
    assertThat(shown.get("recovered")).isEqualTo(stats.at("/counts/recovered").asLong());
    assertThat(text("recovery-rate"))
        .isEqualTo(
            String.format(Locale.ROOT, "%.1f %%", stats.get("recoveryRate").asDouble() * 100));
    assertThat(rows("steps")).hasSize(stats.get("recoveredAtStep").size());
    assertThat(rows("weeks")).hasSize(stats.get("recoveredByWeek").size());
    assertThat(browser.findElements(By.cssSelector("#step-chart rect.bar")))
        .hasSize(stats.get("recoveredAtStep").size());
    assertThat(browser.findElement(By.cssSelector("#amounts tr[data-currency='usd']")).getText())
        .contains("USD");
    screenshot("overview");
    assertThat(active).isNotEqualTo(paid);
  }

  @Test
  void givenARunningDunning_whenAnOperatorPausesItFromItsPage_itShouldShowItPaused() {
    String invoice = open("page");
    String dunningId = DunningIds.workflowId("elasticpath", invoice);

    signIn(TestTokens.RESOLVER);
    browser.get(url("/dashboard/dunnings?provider=elasticpath&customer=cus_" + invoice));
    assertThat(rows("dunnings")).hasSize(1);
    screenshot("dunnings");
    browser.findElement(By.linkText(invoice)).click();

    assertThat(text("live-status")).isEqualTo("ACTIVE");
    assertThat(text("next-step")).startsWith("retry, due ");
    assertThat(browser.findElement(By.id("timeline")).getText()).contains("PAYMENT FAILED");
    browser.findElement(By.id("pause")).click();

    assertThat(text("done")).isEqualTo("Pause: done; the dunning is now PAUSED.");
    assertThat(text("live-status")).isEqualTo("PAUSED");
    assertThat(text("paused")).isEqualTo("until resumed");
    assertThat(browser.findElements(By.id("resume"))).hasSize(1);
    assertThat(browser.findElements(By.id("pause"))).isEmpty();
    await()
        .untilAsserted(
            () ->
                assertThat(
                        database.queryForObject(
                            "SELECT status FROM failed_invoice WHERE dunning_id = ?",
                            String.class,
                            dunningId))
                    .isEqualTo("PAUSED"));
    browser.navigate().refresh();
    screenshot("dunning");

    // Someone else ends it behind the page's back: the page's button is refused with 409.
    assertThat(alice.post("/api/v1/dunnings/" + invoice + "/cancel").statusCode()).isEqualTo(200);
    browser.findElement(By.id("mark-paid")).click();

    assertThat(text("refusal")).startsWith("Refused (409)").contains("already ended CANCELLED");
    assertThat(text("live-status")).isEqualTo("CANCELLED");
    screenshot("dunning-refused");
  }

  @Test
  void givenAReadOnlyToken_whenItOpensADunning_itShouldSeeNoButtonsAndBeRefusedWhenItPosts()
      throws Exception {
    String invoice = open("ro");
    String dunningId = DunningIds.workflowId("elasticpath", invoice);

    signIn(TestTokens.READER);
    browser.get(url("/dashboard/dunnings/" + dunningId));

    assertThat(text("live-status")).isEqualTo("ACTIVE");
    assertThat(text("viewer")).contains("reporting").contains("may read only");
    assertThat(browser.findElements(By.cssSelector("main button"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("form[action*='/pause']"))).isEmpty();
    screenshot("dunning-read-only");

    // Posting anyway, with the session and its CSRF token, as a hand-made form would.
    String csrf =
        browser
            .findElement(By.cssSelector("form[action$='/logout'] input[name='_csrf']"))
            .getDomAttribute("value");
    String session = browser.manage().getCookieNamed("SESSION").getValue();
    HttpResponse<String> posted =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(url("/dashboard/dunnings/" + dunningId + "/pause")))
                    .header("Cookie", "SESSION=" + session)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).isEqualTo(403);
    assertThat(posted.body()).contains("Not allowed (403)");

    HttpResponse<String> bearer = reporting.post("/dashboard/dunnings/" + dunningId + "/pause");
    assertThat(bearer.statusCode()).isEqualTo(403);
    assertThat(bearer.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("insufficient_scope");
    browser.navigate().refresh();
    assertThat(text("live-status")).isEqualTo("ACTIVE");
  }

  private void signIn(String token) {
    browser.get(url("/dashboard"));
    assertThat(browser.getCurrentUrl()).endsWith("/dashboard/login");
    browser.findElement(By.id("token")).sendKeys(token);
    screenshotOnce("login");
    browser.findElement(By.cssSelector("form[action$='/dashboard/login'] button")).click();
    // A click may return before the form's navigation starts: wait until the page has left the
    // form.
    await().until(() -> !browser.getCurrentUrl().endsWith("/dashboard/login"));
    assertThat(browser.getCurrentUrl()).doesNotContain("/login");
  }

  private String open(String prefix) {
    return IntakeDunnings.open(alice, prefix);
  }

  /**
   * Five weeks of dunnings as the worker records them, with the notices of their steps, so that
   * both charts have something to show.
   */
  private void recordAMonthOfDunnings() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    String[][] plan = {
      // days ago it failed, how it ended, the steps whose notices went out, amount, currency
      {"33", "RECOVERED", "notice", "4900", "usd"},
      {"30", "RECOVERED", "notice retry-1", "1999", "usd"},
      {"26", "EXPIRED", "notice retry-1 retry-2 final-warning", "1999", "usd"},
      {"24", "RECOVERED", "notice retry-1 retry-2", "9900", "usd"},
      {"19", "RECOVERED", "notice", "2500", "eur"},
      {"17", "CANCELLED", "notice retry-1", "1999", "usd"},
      {"12", "RECOVERED", "notice retry-1 retry-2 final-warning", "4900", "usd"},
      {"9", "RECOVERED", "notice retry-1", "1999", "usd"},
      {"5", "ACTIVE", "notice retry-1", "2500", "eur"},
      {"2", "RECOVERED", "notice", "1999", "usd"}
    };
    int[] stepDays = {0, 3, 7, 12};
    for (String[] row : plan) {
      Instant failed = now.minus(Duration.ofDays(Long.parseLong(row[0])));
      String customer = "cus_" + UUID.randomUUID().toString().substring(0, 6);
      String dunningId =
          recorded.open(
              "in_" + UUID.randomUUID().toString().substring(0, 10),
              customer,
              Long.parseLong(row[3]),
              row[4],
              failed);
      String[] steps = row[2].split(" ");
      for (int i = 0; i < steps.length; i++) {
        recorded.notice(
            dunningId,
            steps[i],
            "email",
            failed.plus(Duration.ofDays(stepDays[i])),
            customer + "@example.com");
      }
      Instant ended = failed.plus(Duration.ofDays(stepDays[steps.length - 1] + 1));
      if (!"ACTIVE".equals(row[1])) {
        recorded.close(dunningId, DunningStatus.valueOf(row[1]), ended);
      }
    }
  }

  private Map<String, Long> shownCounts() {
    return Map.of(
        "open", figure("count-open"),
        "recovered", figure("count-recovered"),
        "cancelled", figure("count-cancelled"),
        "expired", figure("count-expired"),
        "total", figure("count-total"));
  }

  private Map<String, Long> countsInDatabase(LocalDate from, LocalDate toExcluded) {
    return database.queryForObject(
        """
        SELECT count(*) FILTER (WHERE status IN ('ACTIVE', 'PAUSED')) AS open,
            count(*) FILTER (WHERE status = 'RECOVERED') AS recovered,
            count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled,
            count(*) FILTER (WHERE status = 'EXPIRED') AS expired,
            count(*) AS total
        FROM failed_invoice WHERE failed_at >= ? AND failed_at < ?
        """,
        (row, n) ->
            Map.of(
                "open", row.getLong("open"),
                "recovered", row.getLong("recovered"),
                "cancelled", row.getLong("cancelled"),
                "expired", row.getLong("expired"),
                "total", row.getLong("total")),
        Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
        Timestamp.from(toExcluded.atStartOfDay(ZoneOffset.UTC).toInstant()));
  }

  private long figure(String id) {
    return Long.parseLong(text(id));
  }

  /**
   * The text of element {@code id}, once the page that has it is there: a click that submits a form
   * may return before the browser has loaded the answer.
   */
  private String text(String id) {
    try {
      return new WebDriverWait(browser, Patience.WAIT)
          .until(page -> page.findElement(By.id(id)))
          .getText()
          .strip();
    } catch (TimeoutException e) {
      throw new AssertionError(
          "no #" + id + " on " + browser.getCurrentUrl() + ", which reads:\n" + pageText(), e);
    }
  }

  private String pageText() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private List<WebElement> rows(String tableId) {
    return browser.findElements(By.cssSelector("#" + tableId + " tbody tr"));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static boolean loginShot;

  private void screenshotOnce(String name) {
    if (!loginShot) {
      loginShot = true;
      screenshot(name);
    }
  }

  /** The whole page: the window is made as tall as the page first. */
  private void screenshot(String name) {
    Object height = browser.executeScript("return document.documentElement.scrollHeight");
    int pageHeight = height instanceof Number number ? number.intValue() : 1000;
    Dimension before = browser.manage().window().getSize();
    browser.manage().window().setSize(new Dimension(1280, Math.max(600, pageHeight + 120)));
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      browser.manage().window().setSize(before);
    }
  }
}
