package com.example.dunning.activities.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.notification.CustomerNotifications;
import com.example.dunning.activities.notification.DisabledSmsSender;
import com.example.dunning.activities.notification.NoticeLedger;
import com.example.dunning.activities.notification.NoticeMailer;
import com.example.dunning.notices.NoticeRenderer;
import com.example.dunning.notices.NoticeSettings;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.activities.PaymentActivities.PaymentRef;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The customer's language as the providers tell it, from their answers (WireMock speaking Stripe's
 * and Frontpayment's APIs) through the notice activity to the mail GreenMail receives.
 */
class CustomerLanguageTest {

  private final JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.dataSource());
  private GreenMail smtp;
  private CustomerNotifications notifications;

  @BeforeEach
  void start() {
    TestPostgres.truncateAll();
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
    mailSender.setHost("127.0.0.1");
    mailSender.setPort(smtp.getSmtp().getPort());
    Properties timeouts = new Properties();
    timeouts.setProperty("mail.smtp.connectiontimeout", "5000");
    timeouts.setProperty("mail.smtp.timeout", "5000");
    timeouts.setProperty("mail.smtp.writetimeout", "5000");
    mailSender.setJavaMailProperties(timeouts);
    // English by default, so only the provider's answer can make a notice Norwegian or German.
    NoticeRenderer renderer =
        NoticeSettings.renderer(
            Map.of(
                    "dunning.brand.company-name",
                    "Example Music",
                    "dunning.notices.default-locale",
                    "en")
                ::get);
    notifications =
        new CustomerNotifications(
            new NoticeLedger(jdbc, new DataSourceTransactionManager(TestPostgres.dataSource())),
            renderer,
            new NoticeMailer(mailSender, "billing@example.com", renderer.brand()),
            new DisabledSmsSender(),
            Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  @Test
  void givenANorwegianFrontpaymentCustomer_whenEmailed_itShouldBeNorwegianWithKroner()
      throws Exception {
    PaymentDetails payment;
    try (ProviderTestbed frontpayment = new ProviderTestbed().configured()) {
      frontpayment.api.stubFor(
          get(urlPathEqualTo(FrontpaymentFetchPaymentTest.DETAILS))
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          FrontpaymentFetchPaymentTest.SEED_JSON.replace(
                              "[email\u00a0protected]", "nafees@example.no"))));
      payment = frontpayment.fetch("frontpayment", FrontpaymentFetchPaymentTest.ORDER);
    }

    String text = emailed("dunning-frontpayment-" + payment.invoiceId(), payment);

    assertThat(text)
        .contains(
            "Hei Nafees,",
            "Vi klarte ikke å trekke betalingen din på kr\u00a02\u00a0500,00",
            "Å betale: kr\u00a02\u00a0500,00",
            // The payment link's due date, 2025-01-02 06:47 in Oslo.
            "Betal innen: 2. januar 2025");
  }

  @Test
  void givenAStripeCustomerPreferringGerman_whenEmailed_itShouldBeGerman() throws Exception {
    PaymentDetails payment;
    try (StripeTestbed stripe = new StripeTestbed()) {
      ObjectNode invoice = StripeFixtures.failedInvoice("in_de");
      invoice.put("currency", "eur");
      ObjectNode customer = (ObjectNode) invoice.get("customer");
      customer.putArray("preferred_locales").add("ja").add("de").add("en");
      customer.put("name", "Erika Mustermann");
      stripe.serveInvoice("in_de", invoice);
      stripe.serveSubscription(StripeFixtures.subscription());
      payment = stripe.activities.fetchPayment(new PaymentRef("stripe", "in_de"));
    }

    String text = emailed("dunning-stripe-in_de", payment);

    assertThat(text)
        .contains(
            "Hallo Erika Mustermann,",
            "Offener Betrag: 19,99\u00a0€",
            "Nächster Abbuchungsversuch: 1. Januar 2026");
  }

  /** Sends the payment's first notice by email and returns the text part GreenMail received. */
  private String emailed(String dunningId, PaymentDetails payment) throws Exception {
    jdbc.update(
        "INSERT INTO failed_invoice (dunning_id, provider, invoice_id, amount_due, currency,"
            + " failed_at, attempt_count, status) VALUES (?, ?, ?, ?, ?, now(), 1, 'RETRYING')",
        dunningId,
        payment.provider(),
        payment.invoiceId(),
        payment.amountDue(),
        payment.currency());
    notifications.sendEmail(
        new Notice(dunningId, dunningId + ":notice:email", NoticeKind.NOTICE, payment));
    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = smtp.getReceivedMessages()[0];
    MimeMultipart parts = (MimeMultipart) received.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
    }
    throw new AssertionError("no text part in " + received.getContentType());
  }
}
