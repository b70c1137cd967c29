package com.example.dunning.activities.notification;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.notices.NoticeRenderer;
import com.example.dunning.notices.NoticeSettings;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A failed invoice in dunning, its notices and the ledger over the test PostgreSQL. */
final class TestNotices {

  static final String DUNNING_ID = "dunning-stripe-in_1";
  static final String PAY_URL = "https://invoice.stripe.com/i/acct_1/in_1";

  private TestNotices() {}

  static JdbcTemplate jdbc() {
    return new JdbcTemplate(TestPostgres.dataSource());
  }

  /** The brand and defaults the tests write notices with: English, in UTC. */
  static final Map<String, String> SETTINGS =
      Map.of(
          "dunning.brand.company-name", "Example Music",
          "dunning.brand.support-email", "support@example.com",
          "dunning.brand.legal-name", "Example Music AS",
          "dunning.brand.address", "Storgata 1, 0155 Oslo");

  static NoticeRenderer renderer() {
    return NoticeSettings.renderer(SETTINGS::get);
  }

  static NoticeMailer mailer(JavaMailSenderImpl mailSender) {
    return new NoticeMailer(mailSender, "billing@example.com", renderer().brand());
  }

  /** A sender to the test's GreenMail on the port, with timeouts so a stuck server fails fast. */
  static JavaMailSenderImpl mailSender(int port) {
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

  static NoticeLedger ledger() {
    return new NoticeLedger(jdbc(), new DataSourceTransactionManager(TestPostgres.dataSource()));
  }

  /** Empties the tables and opens the dunning the log lines belong to. */
  static void startFromOneFailedInvoice() {
    TestPostgres.truncateAll();
    jdbc()
        .update(
            "INSERT INTO failed_invoice (dunning_id, provider, invoice_id, amount_due, currency,"
                + " failed_at, attempt_count, status) VALUES (?, 'stripe', 'in_1', 1000, 'usd',"
                + " now(), 1, 'RETRYING')",
            DUNNING_ID);
  }

  static Customer customer(String email, String phone) {
    return new Customer("cus_1", "Ada Lovelace", email, phone, "Europe/Oslo");
  }

  static PaymentDetails payment(Customer customer, long amountDue, String currency) {
    return new PaymentDetails(
        "stripe",
        "in_1",
        InvoiceStatus.OPEN,
        amountDue,
        currency,
        1,
        null,
        PAY_URL,
        customer,
        "sub_1",
        "plan_pro",
        "Pro Artist",
        "pi_1",
        "pm_1",
        "card_declined",
        "insufficient_funds",
        false,
        Map.of());
  }

  static Notice notice(String step, NoticeKind kind, PaymentDetails payment) {
    return new Notice(DUNNING_ID, DUNNING_ID + ":" + step, kind, payment);
  }

  record LogLine(String title, String note, String status, String sentTo) {}

  static List<LogLine> logLines() {
    return jdbc()
        .query(
            "SELECT title, note, status, sent_to FROM dunning_log ORDER BY id",
            (row, n) ->
                new LogLine(
                    row.getString("title"),
                    row.getString("note"),
                    row.getString("status"),
                    row.getString("sent_to")));
  }

  static List<String> claimStates() {
    return jdbc().queryForList("SELECT state FROM notification ORDER BY notice_key", String.class);
  }
}
