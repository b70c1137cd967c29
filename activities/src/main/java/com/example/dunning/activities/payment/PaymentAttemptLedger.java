package com.example.dunning.activities.payment;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The charges of a dunning, in table {@code payment_attempt}. Keyed by the charge's idempotency key,
 * so a retried activity records its charge once.
 */
@Component
public class PaymentAttemptLedger {

  private final JdbcTemplate jdbc;

  public PaymentAttemptLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param number the invoice's attempt count after this charge
   * @param failureReason null when the charge paid the invoice
   */
  public record Charge(
      String dunningId,
      String key,
      String gateway,
      int number,
      boolean success,
      String externalPaymentId,
      String failureReason,
      long amount,
      String currency,
      Instant takenAt) {}

  /** True when this call wrote the row, false when the key was already recorded. */
  public boolean record(Charge charge) {
    int inserted =
        jdbc.update(
            "INSERT INTO payment_attempt (id, record_key, dunning_id, number, success, gateway,"
                + " external_payment_id, failure_reason, amount, currency, job_id,"
                + " payment_taken_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (record_key) DO NOTHING",
            uuidOf(charge.key()),
            charge.key(),
            charge.dunningId(),
            charge.number(),
            charge.success(),
            charge.gateway(),
            charge.externalPaymentId(),
            charge.failureReason(),
            charge.amount(),
            charge.currency(),
            uuidOf(charge.dunningId()),
            charge.takenAt() == null ? null : Timestamp.from(charge.takenAt()));
    return inserted == 1;
  }

  static UUID uuidOf(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }
}
