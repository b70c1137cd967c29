package com.example.dunning.activities.record;

import com.example.dunning.workflows.activities.DunningRecordActivities.OpenDunning;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.PaymentAttempt;
import com.example.dunning.workflows.model.PaymentDetails;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * SQL for the dunning tables. Every insert is keyed and does nothing when the key is there, so an
 * activity that is retried after a timeout writes each row once.
 */
@Repository
public class DunningTables {

  private final JdbcTemplate jdbc;

  public DunningTables(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insertFailedInvoice(OpenDunning open, String policyVersion, Instant failedAt) {
    PaymentDetails payment = open.payment();
    Customer customer =
        payment.customer() == null
            ? new Customer(null, null, null, null, null)
            : payment.customer();
    Map<String, String> metadata = payment.metadata() == null ? Map.of() : payment.metadata();
    jdbc.update(
        """
        INSERT INTO failed_invoice (dunning_id, provider, invoice_id, payment_intent_id, payment_method_id,
            amount_due, currency, customer_id, customer_email, customer_name, phone_number, time_zone,
            subscription_id, plan_id, user_id, artist_name, package_id, package_name, profile_url, pay_url,
            failed_at, attempt_count, status, policy_version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)
        ON CONFLICT (dunning_id) DO NOTHING
        """,
        open.dunningId(),
        payment.provider(),
        payment.invoiceId(),
        payment.paymentIntentId(),
        payment.paymentMethodId(),
        payment.amountDue(),
        payment.currency(),
        firstNonNull(customer.id(), open.request().customerId()),
        firstNonNull(customer.email(), open.request().customerEmail()),
        customer.name(),
        customer.phone(),
        customer.timeZone(),
        payment.subscriptionId(),
        payment.planId(),
        number(metadata.get("user_id")),
        firstNonNull(metadata.get("artist_name"), payment.packageName()),
        number(metadata.get("package_id")),
        payment.packageName(),
        metadata.get("profile_url"),
        payment.payUrl(),
        Timestamp.from(failedAt),
        Math.max(payment.attemptCount(), open.request().attemptCount()),
        policyVersion);
  }

  /**
   * @param gateway the provider that charged; null to take the dunning's provider
   */
  public void insertAttempt(String key, String dunningId, PaymentAttempt attempt, String gateway) {
    jdbc.update(
        """
        INSERT INTO payment_attempt (id, record_key, dunning_id, number, success, gateway,
            external_payment_id, failure_reason, amount, currency, job_id, payment_taken_at, created_at)
        SELECT ?, ?, ?, ?, ?, COALESCE(?, f.provider), ?, ?, ?, ?, ?, ?, ?
        FROM failed_invoice f WHERE f.dunning_id = ?
        ON CONFLICT (record_key) DO NOTHING
        """,
        uuid(key),
        key,
        dunningId,
        attempt.number(),
        attempt.success(),
        gateway,
        attempt.externalPaymentId(),
        attempt.failureReason(),
        attempt.amount(),
        attempt.currency(),
        uuid(dunningId),
        attempt.success() ? Timestamp.from(attempt.at()) : null,
        Timestamp.from(attempt.at()),
        dunningId);
    jdbc.update(
        "UPDATE failed_invoice SET attempt_count = GREATEST(attempt_count, ?), updated_at = now() WHERE dunning_id = ?",
        attempt.number(),
        dunningId);
  }

  public void insertLog(String key, String dunningId, LogEntry entry) {
    jdbc.update(
        """
        INSERT INTO dunning_log (record_key, dunning_id, title, logged_at, note, status, sent_to, payment_method)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (record_key) DO NOTHING
        """,
        key,
        dunningId,
        entry.title().text(),
        Timestamp.from(entry.at() == null ? Instant.now() : entry.at()),
        entry.note(),
        (entry.status() == null ? EntryStatus.SUCCESS : entry.status()).name(),
        entry.sentTo(),
        entry.paymentMethod());
  }

  void updateStatus(String dunningId, DunningStatus status) {
    jdbc.update(
        "UPDATE failed_invoice SET status = ?, updated_at = now() WHERE dunning_id = ? AND ended_at IS NULL",
        status.name(),
        dunningId);
  }

  /** Whether the dunning has its failed invoice recorded: every other row of it refers to that. */
  boolean isOpened(String dunningId) {
    return !jdbc.queryForList("SELECT 1 FROM failed_invoice WHERE dunning_id = ?", dunningId)
        .isEmpty();
  }

  /**
   * @return false when the dunning has no record to close (it was never opened)
   */
  boolean close(String dunningId, DunningResult result) {
    int closed =
        jdbc.update(
            """
            UPDATE failed_invoice SET status = ?, outcome_reason = ?, ended_at = ?,
                attempt_count = GREATEST(attempt_count, ?), updated_at = now()
            WHERE dunning_id = ?
            """,
            result.outcome().name(),
            result.reason(),
            Timestamp.from(result.endedAt()),
            result.attempts(),
            dunningId);
    return closed > 0;
  }

  /** The final success of a recovered invoice, unless the dunning's own charge recorded it. */
  void insertSuccessUnlessRecorded(String dunningId, DunningResult result) {
    jdbc.update(
        """
        INSERT INTO payment_attempt (id, record_key, dunning_id, number, success, gateway, external_payment_id,
            amount, currency, job_id, payment_taken_at, created_at)
        SELECT ?, ?, f.dunning_id, GREATEST(f.attempt_count, ?), TRUE, f.provider, f.payment_intent_id,
            f.amount_due, f.currency, ?, ?, ?
        FROM failed_invoice f
        WHERE f.dunning_id = ?
          AND NOT EXISTS (SELECT 1 FROM payment_attempt p WHERE p.dunning_id = f.dunning_id AND p.success)
        ON CONFLICT (record_key) DO NOTHING
        """,
        uuid(dunningId + ":paid"),
        dunningId + ":paid",
        result.attempts(),
        uuid(dunningId),
        Timestamp.from(result.endedAt()),
        Timestamp.from(result.endedAt()),
        dunningId);
  }

  /** The same key gives the same id, so the seed-003 API can name a payment stably. */
  static UUID uuid(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  private static Long number(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String firstNonNull(String first, String second) {
    return first != null ? first : second;
  }
}
