package com.example.dunning.notices;

import static com.example.dunning.notices.TestPayments.payment;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** One customer message for the notices of several invoices. */
class NoticeRendererMessagesTest {

  private static final Instant NEXT_ATTEMPT = Instant.parse("2026-12-08T23:30:00Z");
  private static final Locale ENGLISH = Locale.forLanguageTag("en-US");

  private final NoticeRenderer renderer = TestPayments.renderer();

  /** Two invoices in dollars and one in euros, each its own package and link. */
  private static List<PaymentDetails> threeInvoicesInTwoCurrencies(String locale) {
    return List.of(
        invoice("in_a", "Pro Artist", 1000, "usd", locale),
        invoice("in_b", "Label Plus", 1999, "eur", locale),
        invoice("in_c", "Studio", 2500, "usd", locale));
  }

  @Test
  void givenThreeInvoicesInTwoCurrencies_whenEmailed_itShouldListEachAndTotalEachCurrencyOnce() {
    RenderedEmail email =
        renderer.messageEmail(NoticeKind.REMINDER, threeInvoicesInTwoCurrencies("en"), ENGLISH);

    assertThat(email.subject()).isEqualTo("Reminder: 3 payments to Example Music are still due");
    assertThat(email.text())
        .contains(
            "Hi Ada Lovelace,",
            "Your payments for the 3 invoices below are still outstanding",
            "Pro Artist: $10.00\nPay or update your card: " + link("in_a"),
            "Label Plus: €19.99\nPay or update your card: " + link("in_b"),
            "Studio: $25.00\nPay or update your card: " + link("in_c"))
        .doesNotContain("{{", "Next charge attempt");
    assertThat(occurrences(email.text(), "Total: $35.00")).isEqualTo(1);
    assertThat(occurrences(email.text(), "Total: €19.99")).isEqualTo(1);
    assertThat(occurrences(email.text(), "Total: ")).isEqualTo(2);
    String html = email.html();
    for (String id : List.of("in_a", "in_b", "in_c")) {
      assertThat(occurrences(html, "href=\"" + link(id) + "\"")).as(id).isEqualTo(1);
    }
    assertThat(html)
        .contains("Pro Artist", "Label Plus", "Studio", "$10.00", "€19.99", "$25.00", "$35.00")
        .doesNotContain("{{");
    assertThat(occurrences(html, ">Total<")).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("com.example.dunning.notices.NoticeRendererTest#everyKindInEveryLanguage")
  void givenOneInvoice_itShouldBeExactlyTheNoticeOfThatInvoice(
      NoticeKind kind, NoticeLanguage language) {
    PaymentDetails payment = payment(250000, "nok", language.tag(), "Europe/Oslo", NEXT_ATTEMPT);
    Locale locale = language.homeLocale();

    assertThat(renderer.messageEmail(kind, List.of(payment), locale))
        .isEqualTo(renderer.email(kind, payment, locale));
    assertThat(renderer.messageSms(kind, List.of(payment), locale))
        .isEqualTo(renderer.sms(kind, payment, locale));
  }

  @ParameterizedTest
  @MethodSource("com.example.dunning.notices.NoticeRendererTest#everyKindInEveryLanguage")
  void givenSeveralInvoicesInEachKindAndLanguage_itShouldFillEveryPlaceholderAndFitOneSms(
      NoticeKind kind, NoticeLanguage language) {
    List<PaymentDetails> invoices =
        List.of(
            invoice("in_a", "Pro Artist", 250000, "nok", language.tag()),
            invoice("in_b", null, 1999, "eur", language.tag()),
            invoice("in_c", "Studio", 100000, "nok", language.tag()));
    Locale locale = language.homeLocale();

    RenderedEmail email = renderer.messageEmail(kind, invoices, locale);
    String sms = renderer.messageSms(kind, invoices, locale);

    assertThat(email.subject()).isNotBlank().doesNotContain("{{", "}}");
    assertThat(email.text())
        .contains(
            NoticeFormats.amount(350000, "nok", locale),
            NoticeFormats.amount(1999, "eur", locale),
            "Pro Artist",
            "Studio",
            new NoticeTexts().raw(language, "package.fallback"),
            link("in_a"),
            link("in_b"),
            link("in_c"))
        .doesNotContain("{{", "}}");
    assertThat(sms)
        .contains("Example Music", "3", link("in_a"))
        .doesNotContain("{{", "}}", link("in_b"));
    assertThat(SmsSegments.fitsOne(sms))
        .as("%s SMS in %s is %d GSM-7 septets: %s", kind, language, SmsSegments.gsmLength(sms), sms)
        .isTrue();
  }

  @Test
  void givenSeveralInvoices_whenTexted_itShouldSayHowManyTheTotalsAndTheFirstLink() {
    String sms =
        renderer.messageSms(NoticeKind.REMINDER, threeInvoicesInTwoCurrencies("en"), ENGLISH);

    assertThat(sms)
        .isEqualTo(
            "Example Music: 3 payments, $35.00 + €19.99 in all, are still due."
                + " Please pay or update your card: "
                + link("in_a"));
  }

  @Test
  void givenSeveralInvoicesTheFirstWithoutALink_whenTexted_itShouldGiveTheFirstLinkThereIs() {
    List<PaymentDetails> invoices =
        List.of(
            TestPayments.withoutPackageOrLink(invoice("in_a", "Pro Artist", 1000, "usd", "en")),
            invoice("in_b", "Studio", 2500, "usd", "en"));

    assertThat(renderer.messageSms(NoticeKind.NOTICE, invoices, ENGLISH))
        .isEqualTo(
            "Example Music: 2 payments, $35.00 in all, did not go through."
                + " Pay or update your card: "
                + link("in_b"));
  }

  @Test
  void givenAGermanCustomer_whenSeveralAreEmailed_itShouldBeGermanWithGermanAmounts() {
    Locale german = Locale.forLanguageTag("de-DE");
    List<PaymentDetails> invoices = threeInvoicesInTwoCurrencies("de");

    RenderedEmail email = renderer.messageEmail(NoticeKind.FINAL_WARNING, invoices, german);
    String sms = renderer.messageSms(NoticeKind.FINAL_WARNING, invoices, german);

    assertThat(email.languageTag()).isEqualTo("de-DE");
    assertThat(email.subject())
        .isEqualTo(
            "Letzte Mahnung: 3 Pakete laufen ab, wenn 35,00\u00a0$ + 19,99\u00a0€ nicht bezahlt"
                + " wird");
    assertThat(email.text())
        .contains(
            "Hallo Ada Lovelace,",
            "Pro Artist: 10,00\u00a0$\nJetzt bezahlen und Pro Artist behalten: " + link("in_a"),
            "Label Plus: 19,99\u00a0€\nJetzt bezahlen und Label Plus behalten: " + link("in_b"),
            "Gesamt: 35,00\u00a0$",
            "Gesamt: 19,99\u00a0€");
    assertThat(sms)
        .isEqualTo(
            "Example Music: letzte Mahnung. 3 Pakete laufen ab, wenn 35,00 $ + 19,99 € offen"
                + " bleibt. Jetzt bezahlen: "
                + link("in_a"));
  }

  @ParameterizedTest
  @EnumSource(NoticeKind.class)
  void givenSeveralInvoices_theHtmlShouldLoadNothingButTheLogo(NoticeKind kind) {
    String html = renderer.messageEmail(kind, threeInvoicesInTwoCurrencies("en"), ENGLISH).html();

    assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<link", "url(");
    Matcher sources = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
    while (sources.find()) {
      assertThat(sources.group(1)).isEqualTo(TestPayments.BRAND.logoUrl());
    }
  }

  private static String link(String invoiceId) {
    return "https://pay.example.com/i/" + invoiceId;
  }

  private static PaymentDetails invoice(
      String invoiceId, String packageName, long amountDue, String currency, String locale) {
    PaymentDetails base = payment(amountDue, currency, locale, "Europe/Berlin", NEXT_ATTEMPT);
    return new PaymentDetails(
        base.provider(),
        invoiceId,
        base.status(),
        amountDue,
        currency,
        base.attemptCount(),
        base.nextPaymentAttempt(),
        link(invoiceId),
        base.customer(),
        base.subscriptionId(),
        base.planId(),
        packageName,
        base.paymentIntentId(),
        base.paymentMethodId(),
        base.failureCode(),
        base.declineCode(),
        false,
        base.metadata());
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
