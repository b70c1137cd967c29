package com.example.dunning.notices;

import static com.example.dunning.notices.TestPayments.PAY_URL;
import static com.example.dunning.notices.TestPayments.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoticeRendererTest {

  private static final Instant NEXT_ATTEMPT = Instant.parse("2026-12-08T23:30:00Z");

  private final NoticeRenderer renderer = TestPayments.renderer();

  static Stream<Arguments> everyKindInEveryLanguage() {
    List<Arguments> all = new ArrayList<>();
    for (NoticeKind kind : NoticeKind.values()) {
      for (NoticeLanguage language : NoticeLanguage.values()) {
        all.add(Arguments.of(kind, language));
      }
    }
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("everyKindInEveryLanguage")
  void givenEachKindAndLanguage_whenRendered_itShouldFillEveryPlaceholderInBothChannels(
      NoticeKind kind, NoticeLanguage language) {
    PaymentDetails payment = payment(250000, "nok", language.tag(), "Europe/Oslo", NEXT_ATTEMPT);

    RenderedEmail email = renderer.email(kind, payment);
    String sms = renderer.sms(kind, payment);

    String amount = NoticeFormats.amount(250000, "nok", language.homeLocale());
    assertThat(email.languageTag()).isEqualTo(language.homeLocale().toLanguageTag());
    assertThat(email.subject()).isNotBlank().doesNotContain("{{", "}}");
    assertThat(email.text())
        .contains(amount, "Pro Artist", "Example Music", "support@example.com")
        .doesNotContain("{{", "}}");
    assertThat(email.html()).contains("Example Music").doesNotContain("{{", "}}");
    assertThat(sms).contains("Example Music", "Pro Artist", PAY_URL).doesNotContain("{{", "}}");
  }

  @ParameterizedTest
  @MethodSource("everyKindInEveryLanguage")
  void givenEachKindAndLanguage_whenEmailed_itsTextAndHtmlShouldCarryTheSameAmountLinkAndDates(
      NoticeKind kind, NoticeLanguage language) {
    PaymentDetails payment = payment(1999, "eur", language.tag(), "Europe/Berlin", NEXT_ATTEMPT);

    RenderedEmail email = renderer.email(kind, payment);

    String html = email.html().replace("&nbsp;", "\u00a0");
    for (String shared : List.of(NoticeFormats.amount(1999, "eur", language.homeLocale()))) {
      assertThat(email.text()).contains(shared);
      assertThat(html).contains(shared);
    }
    assertThat(datesIn(email.text(), language)).isEqualTo(datesIn(html, language));
    assertThat(email.text()).contains(PAY_URL);
    assertThat(html).contains("href=\"" + PAY_URL + "\"");
  }

  @Test
  void givenANorwegianCustomer_whenEmailed_itShouldBeNorwegianWithKroner() {
    RenderedEmail email =
        renderer.email(
            NoticeKind.NOTICE, payment(250000, "nok", "nb-NO", "Europe/Oslo", NEXT_ATTEMPT));

    assertThat(email.subject())
        .isEqualTo("Betalingen din på kr\u00a02\u00a0500,00 til Example Music gikk ikke gjennom");
    // 23:30 UTC on the 8th is already the 9th in Oslo.
    assertThat(email.text()).contains("Hei Ada Lovelace,", "Neste trekkforsøk: 9. desember 2026");
  }

  @Test
  void givenAGermanCustomerInEuros_whenEmailed_itShouldWriteTheAmountAfterTheNumber() {
    RenderedEmail email =
        renderer.email(NoticeKind.REMINDER, payment(1999, "eur", "de", "Europe/Berlin", null));

    assertThat(email.subject()).startsWith("Erinnerung: Ihre Zahlung über 19,99\u00a0€");
    assertThat(email.text()).contains("Hallo Ada Lovelace,").doesNotContain("Nächster");
  }

  @Test
  void givenNoLocaleOrOneWeDoNotWrite_whenRendered_itShouldUseTheDefault() {
    NoticeRenderer swedishByDefault =
        new NoticeRenderer(TestPayments.BRAND, "sv", ZoneId.of("Europe/Stockholm"));

    assertThat(swedishByDefault.localeOf(payment(100, "sek", null, null, null)))
        .isEqualTo(Locale.forLanguageTag("sv-SE"));
    assertThat(swedishByDefault.localeOf(payment(100, "sek", "ja-JP", null, null)))
        .isEqualTo(Locale.forLanguageTag("sv-SE"));
    assertThat(swedishByDefault.localeOf(payment(100, "eur", "de-CH", null, null)))
        .isEqualTo(Locale.forLanguageTag("de-CH"));
    assertThatThrownBy(() -> new NoticeRenderer(TestPayments.BRAND, "ja", ZoneId.of("UTC")))
        .hasMessageContaining("ja");
  }

  @Test
  void givenTheHtml_itShouldLoadNothingButTheLogoAndRunNoScript() {
    for (NoticeKind kind : NoticeKind.values()) {
      String html = renderer.email(kind, payment(1999, "usd", "en", null, NEXT_ATTEMPT)).html();

      assertThat(html.toLowerCase(Locale.ROOT))
          .doesNotContain("<script", "javascript:", "<link", "url(", "<iframe", "<style");
      Matcher sources = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
      while (sources.find()) {
        assertThat(sources.group(1)).isEqualTo(TestPayments.BRAND.logoUrl());
      }
    }
  }

  @Test
  void givenALinkThatIsNotAWebAddress_whenEmailed_itShouldLeaveTheButtonOut() {
    PaymentDetails payment = payment(1999, "usd", "en", null, null);
    PaymentDetails scripted =
        new PaymentDetails(
            payment.provider(),
            payment.invoiceId(),
            payment.status(),
            payment.amountDue(),
            payment.currency(),
            payment.attemptCount(),
            payment.nextPaymentAttempt(),
            "javascript:alert(1)",
            payment.customer(),
            payment.subscriptionId(),
            payment.planId(),
            "<b>Pro</b>",
            payment.paymentIntentId(),
            payment.paymentMethodId(),
            payment.failureCode(),
            payment.declineCode(),
            false,
            payment.metadata());

    RenderedEmail email = renderer.email(NoticeKind.NOTICE, scripted);

    assertThat(email.html()).doesNotContain("javascript:", "<b>Pro</b>").contains("&lt;b&gt;Pro");
    assertThat(email.text()).contains("<b>Pro</b>").doesNotContain("javascript:");
  }

  /** The dates a rendered email shows, as the language writes them in full. */
  private static List<String> datesIn(String text, NoticeLanguage language) {
    String date =
        NoticeFormats.date(NEXT_ATTEMPT, ZoneId.of("Europe/Berlin"), language.homeLocale());
    List<String> found = new ArrayList<>();
    int at = text.indexOf(date);
    while (at >= 0) {
      found.add(date);
      at = text.indexOf(date, at + 1);
    }
    return found;
  }
}
