package com.example.dunning.activities.payment;

import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.workflows.activities.DunningRecordActivities.PaymentAttempt;
import com.example.dunning.workflows.model.LogEntry;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The charges of a dunning: a {@code payment_attempt} row and a {@code RETRY FAILED} or
 * {@code RETRY SUCCEEDED} log line, in one transaction, keyed by the charge's idempotency key, so
 * a retried activity records its charge once.
 */
@Component
public class PaymentAttemptLedger {

  private final DunningTables tables;
  private final TransactionTemplate transaction;

  public PaymentAttemptLedger(DunningTables tables, TransactionTemplate transaction) {
    this.tables = tables;
    this.transaction = transaction;
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

  public void record(Charge charge) {
    Instant at = charge.takenAt() == null ? Instant.now() : charge.takenAt();
    PaymentAttempt attempt =
        new PaymentAttempt(
            charge.number(), charge.success(), charge.externalPaymentId(), charge.failureReason(),
            charge.amount(), charge.currency(), at);
    LogEntry entry =
        new LogEntry(
            at,
            charge.success() ? "RETRY SUCCEEDED" : "RETRY FAILED",
            "attempt " + charge.number() + (charge.success() ? "" : ": " + charge.failureReason()),
            charge.success() ? "SUCCESS" : "FAILED",
            null,
            null);
    transaction.executeWithoutResult(
        status -> {
          tables.insertAttempt(charge.key(), charge.dunningId(), attempt, charge.gateway());
          tables.insertLog(charge.key(), charge.dunningId(), entry);
        });
  }
}
