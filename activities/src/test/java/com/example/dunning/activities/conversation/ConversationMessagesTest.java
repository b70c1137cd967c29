package com.example.dunning.activities.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.activities.DunningFixtures;
import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.events.EventOutbox;
import com.example.dunning.activities.notification.DisabledSmsSender;
import com.example.dunning.activities.notification.NoticeLedger;
import com.example.dunning.activities.notification.NoticeMailer;
import com.example.dunning.notices.NoticeRenderer;
import com.example.dunning.notices.NoticeSettings;
import com.example.dunning.workflows.conversation.Channel;
import com.example.dunning.workflows.conversation.CustomerMessage;
import com.example.dunning.workflows.conversation.MessageDelivery;
import com.example.dunning.workflows.conversation.MessageNotice;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The coordinator's send over the real parts: the test PostgreSQL with the project's migrations and
 * an SMTP server (GreenMail).
 */
class ConversationMessagesTest {

  private static final String KEY = "dunning-customer-stripe-cus_1:message-1";
  private static final Instant FIRST = Instant.parse("2026-11-01T10:00:00Z");
  private static final Map<String, String> SETTINGS =
      Map.of(
          "dunning.brand.company-name", "Example Music",
          "dunning.brand.support-email", "support@example.com");

  private final JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.dataSource());
  private final NoticeRenderer renderer = NoticeSettings.renderer(SETTINGS::get);
  private GreenMail smtp;
  private ConversationMessages messages;

  @BeforeEach
  void startSmtpAndDatabase() {
    TestPostgres.truncateAll();
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    EventOutbox events = new EventOutbox(jdbc, DunningFixtures.oneEventEndpoint());
    messages =
        new ConversationMessages(
            jdbc,
            new NoticeLedger(
                jdbc, new DataSourceTransactionManager(TestPostgres.dataSource()), events),
            renderer,
            new NoticeMailer(
                mailSender(smtp.getSmtp().getPort()), "billing@example.com", renderer.brand()),
            new DisabledSmsSender(),
            Duration.ofSeconds(1));
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void
      givenThreeOpenDunningsOfOneCustomer_whenTwoAreCarried_itShouldEmailAllThreeOnceAndLogInTheCarried()
          throws Exception {
    // Inserted out of order: the list follows the failures, earliest first.
    open("dunning-stripe-in_c", "Studio", 2500, "usd", FIRST.plusSeconds(7200), "ACTIVE");
    open("dunning-stripe-in_a", "Pro Artist", 1000, "usd", FIRST, "ACTIVE");
    open("dunning-stripe-in_b", "Label Plus", 1999, "eur", FIRST.plusSeconds(3600), "PAUSED");

    MessageDelivery delivery =
        messages.sendMessage(
            message(
                Channel.EMAIL,
                notice("in_a", "ada@example.com"),
                notice("in_c", "ada@example.com")));

    List<String> listed =
        List.of("dunning-stripe-in_a", "dunning-stripe-in_b", "dunning-stripe-in_c");
    assertThat(delivery).isEqualTo(new MessageDelivery(true, "ada@example.com", listed, null));
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("Reminder: 3 payments to Example Music are still due");
    assertThat(mail.getMessageID()).isEqualTo("<dunning-customer-stripe-cus_1.message-1@dunning>");
    String body = GreenMailUtil.getBody(mail).replace("=\r\n", "");
    assertThat(body)
        .contains("Pro Artist", "Label Plus", "Studio", "$10.00", "$25.00", "$35.00", "19.99")
        .contains(link("in_a"), link("in_b"), link("in_c"));
    String note = "Payment reminder, one message for 3 invoices (" + KEY + ")";
    assertThat(logLines())
        .containsExactly(
            new LogLine(
                "dunning-stripe-in_a:step-2:email",
                "dunning-stripe-in_a",
                "EMAIL SENT",
                note,
                "SUCCESS",
                "ada@example.com"),
            new LogLine(
                "dunning-stripe-in_c:step-2:email",
                "dunning-stripe-in_c",
                "EMAIL SENT",
                note,
                "SUCCESS",
                "ada@example.com"));
    assertThat(
            jdbc.queryForList(
                "SELECT dunning_id || ' ' || kind || ' ' || state FROM notification WHERE notice_key = ?",
                String.class,
                KEY))
        .containsExactly("dunning-stripe-in_a REMINDER SENT");
    assertThat(
            jdbc.queryForList(
                "SELECT dunning_id FROM dunning_event WHERE type = 'dunning.notice_sent' ORDER BY dunning_id",
                String.class))
        .containsExactly("dunning-stripe-in_a", "dunning-stripe-in_c");
  }

  @Test
  void givenACarriedDunningPaidMeanwhile_itShouldLeaveItsInvoiceOutAndItsLogAlone() {
    open("dunning-stripe-in_a", "Pro Artist", 1000, "usd", FIRST, "ACTIVE");
    open("dunning-stripe-in_b", "Label Plus", 1999, "eur", FIRST.plusSeconds(60), "RECOVERED");

    MessageDelivery delivery =
        messages.sendMessage(
            message(
                Channel.EMAIL,
                notice("in_a", "ada@example.com"),
                notice("in_b", "ada@example.com")));

    assertThat(delivery)
        .isEqualTo(
            new MessageDelivery(true, "ada@example.com", List.of("dunning-stripe-in_a"), null));
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    String body = GreenMailUtil.getBody(smtp.getReceivedMessages()[0]);
    assertThat(body).contains("Pro Artist").doesNotContain("Label Plus", "in_b");
    assertThat(logLines())
        .extracting(LogLine::dunningId, LogLine::note)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "dunning-stripe-in_a",
                "Payment reminder, one message for 1 invoice (" + KEY + ")"));
  }

  @Test
  void givenNoCarriedDunningOpen_itShouldSendAndLogNothing() {
    open("dunning-stripe-in_a", "Pro Artist", 1000, "usd", FIRST, "RECOVERED");
    open("dunning-stripe-in_b", "Label Plus", 1999, "eur", FIRST.plusSeconds(60), "CANCELLED");
    // Another of the customer's dunnings is open, but the message carries none of its notices.
    open("dunning-stripe-in_c", "Studio", 2500, "usd", FIRST.plusSeconds(120), "ACTIVE");

    MessageDelivery delivery =
        messages.sendMessage(
            message(
                Channel.EMAIL,
                notice("in_a", "ada@example.com"),
                notice("in_b", "ada@example.com")));

    assertThat(delivery).isEqualTo(new MessageDelivery(false, null, List.of(), "no open invoice"));
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(logLines()).isEmpty();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM notification", Integer.class)).isZero();
  }

  @Test
  void givenTheActivityRunTwice_itShouldEmailOnceAndLogOnceInEachDunning() {
    open("dunning-stripe-in_a", "Pro Artist", 1000, "usd", FIRST, "ACTIVE");
    open("dunning-stripe-in_b", "Label Plus", 1999, "eur", FIRST.plusSeconds(60), "ACTIVE");
    CustomerMessage message =
        message(
            Channel.EMAIL, notice("in_a", "ada@example.com"), notice("in_b", "ada@example.com"));

    MessageDelivery first = messages.sendMessage(message);
    MessageDelivery again = messages.sendMessage(message);

    assertThat(first.sent()).isTrue();
    assertThat(again)
        .isEqualTo(new MessageDelivery(true, "ada@example.com", first.listed(), "already sent"));
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(logLines())
        .extracting(LogLine::dunningId)
        .containsExactly("dunning-stripe-in_a", "dunning-stripe-in_b");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM dunning_event", Integer.class))
        .isEqualTo(2);
  }

  @Test
  void givenNoEmailAddress_itShouldSayNotSentOnceInEachCarriedDunning() {
    open("dunning-stripe-in_a", "Pro Artist", 1000, "usd", FIRST, "ACTIVE");
    open("dunning-stripe-in_b", "Label Plus", 1999, "eur", FIRST.plusSeconds(60), "ACTIVE");
    CustomerMessage message = message(Channel.EMAIL, notice("in_a", null), notice("in_b", " "));

    MessageDelivery delivery = messages.sendMessage(message);
    messages.sendMessage(message);

    assertThat(delivery).isEqualTo(new MessageDelivery(false, null, List.of(), "no email address"));
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(logLines())
        .containsExactly(
            new LogLine(
                "dunning-stripe-in_a:step-2:email",
                "dunning-stripe-in_a",
                "EMAIL NOT SENT",
                "no email address",
                "SKIPPED",
                null),
            new LogLine(
                "dunning-stripe-in_b:step-2:email",
                "dunning-stripe-in_b",
                "EMAIL NOT SENT",
                "no email address",
                "SKIPPED",
                null));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM notification", Integer.class)).isZero();
  }

  @Test
  void givenSmsDisabled_itShouldSayNotSentWithTheNumberInEachCarriedDunning() {
    open("dunning-stripe-in_a", "Pro Artist", 1000, "usd", FIRST, "ACTIVE");
    open("dunning-stripe-in_b", "Label Plus", 1999, "eur", FIRST.plusSeconds(60), "ACTIVE");

    MessageDelivery delivery =
        messages.sendMessage(
            message(
                Channel.SMS, notice("in_a", "ada@example.com"), notice("in_b", "ada@example.com")));

    String why = "SMS disabled: no provider configured";
    assertThat(delivery).isEqualTo(new MessageDelivery(false, "+4712345678", List.of(), why));
    assertThat(logLines())
        .extracting(LogLine::dunningId, LogLine::title, LogLine::status, LogLine::sentTo)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "dunning-stripe-in_a", "SMS NOT SENT", "SKIPPED", "+4712345678"),
            org.assertj.core.groups.Tuple.tuple(
                "dunning-stripe-in_b", "SMS NOT SENT", "SKIPPED", "+4712345678"));
  }

  @Test
  void givenTheMailServerDown_itShouldFailAndGiveTheKeyBackForTheRetry() {
    open("dunning-stripe-in_a", "Pro Artist", 1000, "usd", FIRST, "ACTIVE");
    CustomerMessage message = message(Channel.EMAIL, notice("in_a", "ada@example.com"));
    smtp.stop();

    assertThatThrownBy(() -> messages.sendMessage(message)).isInstanceOf(MailException.class);

    assertThat(jdbc.queryForObject("SELECT count(*) FROM notification", Integer.class)).isZero();
    assertThat(logLines()).isEmpty();
  }

  private record LogLine(
      String recordKey,
      String dunningId,
      String title,
      String note,
      String status,
      String sentTo) {}

  private List<LogLine> logLines() {
    return jdbc.query(
        "SELECT record_key, dunning_id, title, note, status, sent_to FROM dunning_log"
            + " ORDER BY record_key",
        (row, n) ->
            new LogLine(
                row.getString("record_key"),
                row.getString("dunning_id"),
                row.getString("title"),
                row.getString("note"),
                row.getString("status"),
                row.getString("sent_to")));
  }

  /** A dunning of customer cus_1 at Stripe, as the records activity writes it. */
  private void open(
      String dunningId,
      String packageName,
      long amountDue,
      String currency,
      Instant failedAt,
      String status) {
    jdbc.update(
        "INSERT INTO failed_invoice (dunning_id, provider, invoice_id, amount_due, currency,"
            + " customer_id, customer_email, customer_name, package_name, pay_url, failed_at,"
            + " attempt_count, status) VALUES (?, 'stripe', ?, ?, ?, 'cus_1', 'ada@example.com',"
            + " 'Ada Lovelace', ?, ?, ?, 1, ?)",
        dunningId,
        invoiceId(dunningId),
        amountDue,
        currency,
        packageName,
        link(invoiceId(dunningId)),
        Timestamp.from(failedAt),
        status);
  }

  private static String invoiceId(String dunningId) {
    return dunningId.substring("dunning-stripe-".length());
  }

  private static String link(String invoiceId) {
    return "https://invoice.stripe.com/i/acct_1/" + invoiceId;
  }

  private static CustomerMessage message(Channel channel, MessageNotice... notices) {
    return new CustomerMessage(
        KEY, "stripe", "cus_1", channel, NoticeKind.REMINDER, List.of(notices));
  }

  /** The second step's notice of the dunning of an invoice, as the dunning saw its invoice. */
  private MessageNotice notice(String invoiceId, String email) {
    String dunningId = "dunning-stripe-" + invoiceId;
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT amount_due, currency, package_name FROM failed_invoice WHERE dunning_id = ?",
            dunningId);
    PaymentDetails payment =
        new PaymentDetails(
            "stripe",
            invoiceId,
            InvoiceStatus.OPEN,
            (Long) row.get("amount_due"),
            (String) row.get("currency"),
            1,
            null,
            link(invoiceId),
            new Customer("cus_1", "Ada Lovelace", email, "+4712345678", "Europe/Oslo"),
            "sub_1",
            "plan_pro",
            (String) row.get("package_name"),
            null,
            null,
            "card_declined",
            null,
            false,
            Map.of());
    return new MessageNotice(dunningId, dunningId + ":step-2:email", NoticeKind.REMINDER, payment);
  }

  private static JavaMailSenderImpl mailSender(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.connectiontimeout", "5000");
    properties.setProperty("mail.smtp.timeout", "5000");
    properties.setProperty("mail.smtp.writetimeout", "5000");
    sender.setJavaMailProperties(properties);
    return sender;
  }
}
