package com.example.dunning.reliability.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What one dunning of the fault policy left behind, counted where it landed: the mail at the SMTP
 * server, the SMS and charges at the providers, the log and records in PostgreSQL. A whole dunning
 * that nobody pays sends five emails, three SMS and three charges, each once, and expires.
 */
public record DunningAudit(
    String invoiceId,
    DunningResult result,
    List<String> emails,
    List<String> sms,
    List<String> charges,
    List<String> log,
    String recordStatus,
    int packageExpiries,
    int noticesSent,
    int noticesNotSent,
    int paymentAttempts) {

  /** The steps of {@code dunning-worker-faults.yml} that send an email, in order. */
  public static final List<String> EMAIL_STEPS =
      List.of("notice", "retry-1", "retry-2", "final-warning", "expire");

  public static final List<String> SMS_STEPS = List.of("notice", "retry-2", "final-warning");

  public static final int CHARGES = 3;

  /** The dunning's log, as the failed-payment details API shows it, when nothing went wrong. */
  public static final List<String> WHOLE_LOG =
      List.of(
          "PAYMENT FAILED",
          "EMAIL SENT",
          "SMS SENT",
          "RETRY FAILED",
          "EMAIL SENT",
          "RETRY FAILED",
          "EMAIL SENT",
          "SMS SENT",
          "RETRY FAILED",
          "EMAIL SENT",
          "SMS SENT",
          "PACKAGE EXPIRED",
          "EMAIL SENT");

  public static DunningAudit of(FaultStack stack, String invoiceId, DunningResult result) {
    String dunningId = DunningIds.workflowId("stripe", invoiceId);
    return new DunningAudit(
        invoiceId,
        result,
        stack.smtp.to(ProviderApis.emailOf(invoiceId)).stream()
            .map(SmtpCatcher.Caught::messageId)
            .toList(),
        stack.providers.smsKeys(ProviderApis.phoneOf(invoiceId)),
        stack.providers.chargeKeys(invoiceId),
        stack.database.queryForList(
            "SELECT title FROM dunning_log WHERE dunning_id = ? ORDER BY logged_at, id",
            String.class,
            dunningId),
        stack.database.queryForObject(
            "SELECT status FROM failed_invoice WHERE dunning_id = ?", String.class, dunningId),
        count(stack, "SELECT count(*) FROM package_expiry WHERE dunning_id = ?", dunningId),
        count(
            stack,
            "SELECT count(*) FROM notification WHERE dunning_id = ? AND state = 'SENT'",
            dunningId),
        count(
            stack,
            "SELECT count(*) FROM notification WHERE dunning_id = ? AND state <> 'SENT'",
            dunningId),
        count(stack, "SELECT count(*) FROM payment_attempt WHERE dunning_id = ?", dunningId));
  }

  private static int count(FaultStack stack, String sql, String dunningId) {
    return stack.database.queryForObject(sql, Integer.class, dunningId);
  }

  public String dunningId() {
    return DunningIds.workflowId("stripe", invoiceId);
  }

  /** The Message-IDs of the emails a whole dunning sends: one per step, from its notice key. */
  public List<String> expectedEmails() {
    return EMAIL_STEPS.stream()
        .map(step -> "<" + (dunningId() + ":" + step + ":email").replace(':', '.') + "@dunning>")
        .toList();
  }

  public List<String> expectedSms() {
    return SMS_STEPS.stream().map(step -> dunningId() + ":" + step + ":sms").toList();
  }

  public int distinctCharges() {
    return new LinkedHashSet<>(charges).size();
  }

  /** Completed, every step there in order, each message and charge once, the records whole. */
  public DunningAudit assertWholeAndOnce() {
    assertThat(result.outcome()).as("outcome").isEqualTo(DunningStatus.EXPIRED);
    assertThat(emails).as("emails at the SMTP server").isEqualTo(expectedEmails());
    assertThat(sms).as("SMS at Twilio").isEqualTo(expectedSms());
    assertThat(distinctCharges()).as("charges (idempotency keys) at Stripe").isEqualTo(CHARGES);
    assertThat(log).as("the dunning's log in PostgreSQL").isEqualTo(WHOLE_LOG);
    assertRecords();
    return this;
  }

  /** The records of an expired dunning: its row, its package, its notices and charges. */
  public DunningAudit assertRecords() {
    assertThat(recordStatus).as("failed_invoice.status").isEqualTo("EXPIRED");
    assertThat(packageExpiries).as("package_expiry rows").isEqualTo(1);
    assertThat(paymentAttempts).as("payment_attempt rows").isEqualTo(1 + CHARGES);
    return this;
  }

  /** The counts, for the scenario's summary line. */
  public String counted() {
    long notSent = log.stream().filter(title -> title.endsWith("NOT SENT")).count();
    String logged =
        log.equals(WHOLE_LOG)
            ? "%d/%d log lines in order".formatted(log.size(), WHOLE_LOG.size())
            : "%d log lines (%d NOT SENT)".formatted(log.size(), notSent);
    return "%d/%d emails, %d/%d SMS, %d/%d charges (%d requests), %s, %d notices SENT"
        .formatted(
            emails.size(),
            EMAIL_STEPS.size(),
            sms.size(),
            SMS_STEPS.size(),
            distinctCharges(),
            CHARGES,
            charges.size(),
            logged,
            noticesSent);
  }
}
