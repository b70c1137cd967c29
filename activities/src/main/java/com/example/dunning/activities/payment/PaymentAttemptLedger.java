package com.example.dunning.activities.payment;

import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentAttempt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The charges of a dunning: a {@code payment_attempt} row and a {@code RETRY FAILED} or {@code
 * RETRY SUCCEEDED} log line, in one transaction, keyed by the charge's idempotency key, so a
 * retried activity records its charge once.
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
   * @param key the charge's idempotency key
   * @param attempt with the invoice's attempt count after this charge, and when it was made (paid)
   */
  public void record(String dunningId, String key, String gateway, PaymentAttempt attempt) {
    LogEntry entry =
        new LogEntry(
            attempt.at(),
            attempt.success() ? LogTitle.RETRY_SUCCEEDED : LogTitle.RETRY_FAILED,
            "attempt "
                + attempt.number()
                + (attempt.success() ? "" : ": " + attempt.failureReason()),
            attempt.success() ? EntryStatus.SUCCESS : EntryStatus.FAILED,
            null,
            null);
    transaction.executeWithoutResult(
        status -> {
          tables.insertAttempt(key, dunningId, attempt, gateway);
          tables.insertLog(key, dunningId, entry);
        });
  }
}
