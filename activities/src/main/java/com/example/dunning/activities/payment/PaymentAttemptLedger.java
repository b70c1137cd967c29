package com.example.dunning.activities.payment;

import com.example.dunning.activities.events.EventOutbox;
import com.example.dunning.activities.events.EventType;
import com.example.dunning.activities.events.OutboundEvent;
import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentAttempt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The charges of a dunning: a {@code payment_attempt} row and a {@code RETRY FAILED} or {@code
 * RETRY SUCCEEDED} log line, in one transaction, keyed by the charge's idempotency key, so a
 * retried activity records its charge once. The {@code dunning.charge_retried} event goes with
 * them.
 */
@Component
public class PaymentAttemptLedger {

  private final DunningTables tables;
  private final TransactionTemplate transaction;
  private final EventOutbox events;

  /** A ledger without outbound events. */
  public PaymentAttemptLedger(DunningTables tables, TransactionTemplate transaction) {
    this(tables, transaction, EventOutbox.off());
  }

  @Autowired
  public PaymentAttemptLedger(
      DunningTables tables, TransactionTemplate transaction, EventOutbox events) {
    this.tables = tables;
    this.transaction = transaction;
    this.events = events;
  }

  /**
   * @param key the charge's idempotency key
   * @param attempt with the invoice's attempt count after this charge, and when it was made (paid)
   * @param declineCode the issuer's decline code of a declined charge, or null
   */
  public void record(
      String dunningId, String key, String gateway, PaymentAttempt attempt, String declineCode) {
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
          events.add(
              new OutboundEvent(
                  key,
                  dunningId,
                  EventType.CHARGE_RETRIED,
                  attempt.at(),
                  OutboundEvent.data(
                      "outcome", attempt.success() ? "succeeded" : "failed",
                      "attemptCount", attempt.number(),
                      "failureReason", attempt.failureReason(),
                      "declineCode", declineCode,
                      "amount", attempt.amount(),
                      "currency", attempt.currency())));
        });
  }
}
