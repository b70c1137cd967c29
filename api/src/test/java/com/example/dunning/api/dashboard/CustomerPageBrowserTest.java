package com.example.dunning.api.dashboard;

import static com.example.dunning.api.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.api.Patience;
import com.example.dunning.api.customers.CustomerDunnings;
import com.example.dunning.api.customers.CustomerTestContext;
import com.example.dunning.api.security.TestTokens;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.testing.SignalsReceived;
import io.temporal.client.WorkflowClient;
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
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer page in a real browser (Debian's headless Chromium), with conversations on: reached
 * from a dunning's page, showing the customer's open and ended dunnings and what they were sent,
 * and retrying every open one once, also when the same form is sent twice. Its screenshot is
 * written to {@code target/dashboard-screenshots/customer.png}.
 */
class CustomerPageBrowserTest extends CustomerTestContext {

  private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

  private static ChromeDriver browser;
  private static Path profile;

  @Autowired private WorkflowClient temporal;

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

  @Test
  void givenACustomerWithTwoOpenDunningsAndAnEndedOne_whenRetriedFromTheirPage_eachIsRetriedOnce()
      throws Exception {
    String customer = newCustomer();
    String first = open(customer, 1);
    String second = open(customer, 2);
    String ended = open(customer, 3);
    pay(ended);
    database.update(
        "INSERT INTO notification (notice_key, dunning_id, channel, kind, recipient, state,"
            + " sent_at, subject) VALUES (?, ?, 'EMAIL', 'NOTICE', 'ada@example.com', 'SENT', ?,"
            + " 'Your payment failed')",
        dunningId(first) + ":notice:email",
        dunningId(first),
        Timestamp.from(Instant.now()));

    signIn(TestTokens.RESOLVER);
    browser.get(url("/dashboard/dunnings/" + dunningId(first)));
    browser.findElement(By.id("customer-link")).click();

    assertThat(text("customer-id")).isEqualTo("cus_" + customer);
    assertThat(browser.getTitle()).isEqualTo("cus_" + customer + " · Dunning");
    assertThat(browser.findElements(By.cssSelector("#open-dunnings tbody tr"))).hasSize(2);
    assertThat(browser.findElement(By.id("open-dunnings")).getText())
        .contains(first, second)
        .contains("Pro Package")
        .doesNotContain(ended);
    assertThat(browser.findElement(By.id("ended-dunnings")).getText())
        .contains(ended)
        .contains("RECOVERED");
    assertThat(browser.findElement(By.id("sent")).getText())
        .contains("EMAIL NOTICE")
        .contains("Your payment failed");
    assertThat(text("no-deferred")).isEqualTo("Nothing is held back.");
    assertThat(text("no-planned")).isEqualTo("None planned.");
    screenshot("customer");

    String requestId =
        browser
            .findElement(By.cssSelector("#retry-form input[name='requestId']"))
            .getDomAttribute("value");
    String csrf =
        browser
            .findElement(By.cssSelector("#retry-form input[name='_csrf']"))
            .getDomAttribute("value");
    browser.findElement(By.id("retry-all")).click();

    assertThat(text("done")).isEqualTo("Done: RETRY_NOW sent to 2 open dunnings, each once.");
    assertThat(text("conversation")).isEqualTo("the coordinator runs");

    // The same form sent once more (a double click, a reload that posts again): one action.
    String session = browser.manage().getCookieNamed("SESSION").getValue();
    HttpResponse<String> again =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            url("/dashboard/customers/elasticpath/cus_" + customer + "/retry")))
                    .header("Cookie", "SESSION=" + session)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "_csrf="
                                + URLEncoder.encode(csrf, StandardCharsets.UTF_8)
                                + "&requestId="
                                + requestId))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
    await()
        .untilAsserted(
            () -> {
              assertThat(CustomerDunnings.charges(first)).isEqualTo(1);
              assertThat(CustomerDunnings.charges(second)).isEqualTo(1);
            });
    // Another action through the API is the barrier: once its signal is in each history, every
    // signal sent before it is too.
    assertThat(
            alice
                .post(
                    "/api/v1/customers/elasticpath/cus_" + customer + "/retry",
                    "Idempotency-Key",
                    "barrier")
                .statusCode())
        .isEqualTo(200);
    await().until(() -> retrySignals(first) >= 2 && retrySignals(second) >= 2);
    assertThat(retrySignals(first)).isEqualTo(2);
    assertThat(retrySignals(second)).isEqualTo(2);
    assertThat(retrySignals(ended)).isZero();
  }

  private long retrySignals(String invoice) {
    return SignalsReceived.count(temporal, dunningId(invoice), DunningWorkflow.RETRY_NOW);
  }

  private static String dunningId(String invoice) {
    return DunningIds.workflowId("elasticpath", invoice);
  }

  private void signIn(String token) {
    browser.get(url("/dashboard/login"));
    browser.manage().deleteAllCookies();
    browser.get(url("/dashboard"));
    browser.findElement(By.id("token")).sendKeys(token);
    browser.findElement(By.cssSelector("form[action$='/dashboard/login'] button")).click();
    await().until(() -> !browser.getCurrentUrl().endsWith("/dashboard/login"));
  }

  private String text(String id) {
    try {
      return new WebDriverWait(browser, Patience.WAIT)
          .until(page -> page.findElement(By.id(id)))
          .getText()
          .strip();
    } catch (TimeoutException e) {
      throw new AssertionError(
          "no #"
              + id
              + " on "
              + browser.getCurrentUrl()
              + ", which reads:\n"
              + browser.findElement(By.tagName("body")).getText(),
          e);
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
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
