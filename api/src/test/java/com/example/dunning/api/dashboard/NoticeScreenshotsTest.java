package com.example.dunning.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.notices.Brand;
import com.example.dunning.notices.NoticeFormats;
import com.example.dunning.notices.NoticeLanguage;
import com.example.dunning.notices.NoticeRenderer;
import com.example.dunning.notices.RenderedEmail;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Each notice's HTML as headless Chromium draws it, one screenshot per kind and language in {@code
 * target/notice-screenshots} (docs/notices.md shows two): the amount is on the page, the action is
 * a visible button in the brand's colour, and the email keeps to 600 pixels.
 */
class NoticeScreenshotsTest {

  private static final Path SCREENSHOTS = Path.of("target", "notice-screenshots");
  private static final String PAY_URL = "https://pay.example.com/i/in_1MtHbELkdIw";
  private static final Brand BRAND =
      new Brand(
          "Example Music",
          "Example Music billing",
          "support@example.com",
          "+47 21 00 00 00",
          null,
          "#0f766e",
          "Example Music AS",
          "Storgata 1, 0155 Oslo");

  private static final NoticeRenderer RENDERER =
      new NoticeRenderer(BRAND, "en", ZoneId.of("Europe/Oslo"));

  private static ChromeDriver browser;
  private static Path profile;

  @BeforeAll
  static void startBrowser() throws IOException {
    Chromium.assumeInstalled();
    Files.createDirectories(SCREENSHOTS);
    profile = Chromium.newProfile();
    browser = Chromium.start(profile);
    browser.manage().window().setSize(new Dimension(720, 1200));
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

  static Stream<Arguments> everyKindInEveryLanguage() {
    List<Arguments> all = new ArrayList<>();
    for (NoticeLanguage language : NoticeLanguage.values()) {
      for (NoticeKind kind : NoticeKind.values()) {
        all.add(Arguments.of(language, kind));
      }
    }
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("everyKindInEveryLanguage")
  void givenEachNotice_whenChromiumDrawsIt_itShouldShowTheAmountAndABrandColouredButton(
      NoticeLanguage language, NoticeKind kind) throws IOException {
    String currency =
        language == NoticeLanguage.NB || language == NoticeLanguage.SV ? "nok" : "eur";
    RenderedEmail email = RENDERER.email(kind, payment(language, currency));
    String name = language.tag() + "-" + kind.name().toLowerCase().replace('_', '-');
    Path html = SCREENSHOTS.resolve(name + ".html").toAbsolutePath();
    Files.writeString(html, email.html());

    browser.get(html.toUri().toString());

    // WebDriver reads non-breaking spaces as plain ones, and French's narrow ones as they are.
    String amount =
        NoticeFormats.amount(250000, currency, language.homeLocale())
            .replace('\u00a0', ' ')
            .replace('\u202f', ' ');
    assertThat(browser.findElement(By.tagName("body")).getText().replace('\u202f', ' '))
        .contains(amount);
    WebElement button =
        browser.findElement(By.cssSelector("td[bgcolor] a[href='" + PAY_URL + "']"));
    assertThat(button.isDisplayed()).isTrue();
    assertThat(button.getText()).isNotBlank();
    assertThat(button.findElement(By.xpath("..")).getCssValue("background-color"))
        .isEqualTo("rgba(15, 118, 110, 1)");
    Object width =
        browser.executeScript(
            "return document.querySelector('table table').getBoundingClientRect().width");
    assertThat(((Number) width).doubleValue()).isLessThanOrEqualTo(600.0);
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  private static PaymentDetails payment(NoticeLanguage language, String currency) {
    return new PaymentDetails(
        "stripe",
        "in_1MtHbELkdIw",
        InvoiceStatus.OPEN,
        250000,
        currency,
        2,
        Instant.parse("2026-12-08T09:00:00Z"),
        PAY_URL,
        new Customer("cus_1", "Kari Nordmann", "kari@example.no", null, "Europe/Oslo"),
        "sub_1",
        "price_1",
        "Pro Artist",
        null,
        null,
        null,
        null,
        false,
        Map.of("locale", language.tag()));
  }
}
