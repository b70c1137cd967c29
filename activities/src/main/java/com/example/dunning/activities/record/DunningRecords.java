package com.example.dunning.activities.record;

import com.example.dunning.activities.policy.DunningPolicies;
import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.FailureNotes;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentAttempt;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningSettings;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes the dunning's record, one transaction per activity, every row keyed. */
@Component
@ActivityImpl(taskQueues = DunningIds.TASK_QUEUE)
public class DunningRecords implements DunningRecordActivities {

  private final DunningTables tables;
  private final DunningPolicies policies;
  private final TransactionTemplate transaction;

  public DunningRecords(
      DunningTables tables, DunningPolicies policies, TransactionTemplate transaction) {
    this.tables = tables;
    this.policies = policies;
    this.transaction = transaction;
  }

  @Override
  public DunningSettings openDunning(OpenDunning open) {
    PaymentDetails payment = open.payment();
    DunningSettings settings = policies.settingsFor(open.request().provider(), payment.planId());
    String key = open.dunningId() + ":opened";
    Instant failedAt =
        open.request().failedAt() == null ? Instant.now() : open.request().failedAt();
    transaction.executeWithoutResult(
        status -> {
          tables.insertFailedInvoice(open, settings.policy().version(), failedAt);
          tables.insertAttempt(
              key,
              open.dunningId(),
              new PaymentAttempt(
                  payment.attemptCount(),
                  false,
                  payment.paymentIntentId(),
                  failureReason(payment),
                  payment.amountDue(),
                  payment.currency(),
                  failedAt),
              payment.provider());
          tables.insertLog(
              key,
              open.dunningId(),
              new LogEntry(
                  failedAt,
                  LogTitle.PAYMENT_FAILED,
                  FailureNotes.of(
                      payment.attemptCount(), payment.failureCode(), payment.declineCode()),
                  EntryStatus.FAILED,
                  null,
                  payment.paymentMethodId()));
        });
    return settings;
  }

  @Override
  public void recordEvent(DunningEvent event) {
    transaction.executeWithoutResult(status -> write(event));
  }

  @Override
  public void recordEvents(List<DunningEvent> events) {
    transaction.executeWithoutResult(status -> events.forEach(this::write));
  }

  private void write(DunningEvent event) {
    tables.insertLog(event.key(), event.dunningId(), event.entry());
    if (event.status() != null) {
      tables.updateStatus(event.dunningId(), event.status());
    }
    if (event.attempt() != null) {
      tables.insertAttempt(event.key(), event.dunningId(), event.attempt(), null);
    }
  }

  @Override
  public void closeDunning(CloseDunning close) {
    transaction.executeWithoutResult(
        status -> {
          tables.close(close.dunningId(), close.result());
          if (close.entry() != null) {
            tables.insertLog(close.dunningId() + ":closed", close.dunningId(), close.entry());
          }
          if (close.result().outcome() == DunningStatus.RECOVERED) {
            tables.insertSuccessUnlessRecorded(close.dunningId(), close.result());
          }
        });
  }

  private static String failureReason(PaymentDetails payment) {
    return FailureNotes.reason(payment.failureCode(), payment.declineCode());
  }
}
