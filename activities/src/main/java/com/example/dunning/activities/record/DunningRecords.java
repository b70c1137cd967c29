package com.example.dunning.activities.record;

import com.example.dunning.activities.events.EventOutbox;
import com.example.dunning.activities.events.EventType;
import com.example.dunning.activities.events.OutboundEvent;
import com.example.dunning.activities.policy.DunningPolicies;
import com.example.dunning.activities.subscription.Subscription;
import com.example.dunning.activities.subscription.SubscriptionPackages;
import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.DunningResult;
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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the dunning's record, one transaction per activity, every row keyed, with the outbound
 * events of the steps it records (start, pause, resume and end) in the same transaction.
 */
@Component
@ActivityImpl(taskQueues = DunningIds.TASK_QUEUE)
public class DunningRecords implements DunningRecordActivities {

  private static final Logger log = LoggerFactory.getLogger(DunningRecords.class);

  private final DunningTables tables;
  private final DunningPolicies policies;
  private final TransactionTemplate transaction;
  private final EventOutbox events;
  private final SubscriptionPackages packages;

  /** Records without outbound events. */
  public DunningRecords(
      DunningTables tables, DunningPolicies policies, TransactionTemplate transaction) {
    this(tables, policies, transaction, EventOutbox.off());
  }

  /** Records with the switch off: a recovered dunning leaves the other dunnings' packages be. */
  public DunningRecords(
      DunningTables tables,
      DunningPolicies policies,
      TransactionTemplate transaction,
      EventOutbox events) {
    this(tables, policies, transaction, events, SubscriptionPackages.off());
  }

  @Autowired
  public DunningRecords(
      DunningTables tables,
      DunningPolicies policies,
      TransactionTemplate transaction,
      EventOutbox events,
      SubscriptionPackages packages) {
    this.tables = tables;
    this.policies = policies;
    this.transaction = transaction;
    this.events = events;
    this.packages = packages;
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
          events.add(started(open, key, failedAt, settings));
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
    if (!tables.isOpened(event.dunningId())) {
      return; // signalled before the provider was asked, and it did not know the invoice
    }
    tables.insertLog(event.key(), event.dunningId(), event.entry());
    if (event.status() != null) {
      tables.updateStatus(event.dunningId(), event.status());
    }
    if (event.attempt() != null) {
      tables.insertAttempt(event.key(), event.dunningId(), event.attempt(), null);
    }
    EventType type = pauseEvent(event.entry());
    if (type != null) {
      events.add(
          new OutboundEvent(
              event.key(),
              event.dunningId(),
              type,
              event.entry().at(),
              OutboundEvent.data("note", event.entry().note())));
    }
  }

  /** The signalled entries that are outbound events: a pause and its end. */
  private static EventType pauseEvent(LogEntry entry) {
    if (entry.title() == LogTitle.PAUSED) {
      return EventType.PAUSED;
    }
    return entry.title() == LogTitle.RESUMED ? EventType.RESUMED : null;
  }

  @Override
  public void closeDunning(CloseDunning close) {
    transaction.executeWithoutResult(
        status -> {
          // The subscription's lock before the invoice's row, the order every package change takes.
          Optional<Subscription> subscription = packages.lock(close.dunningId());
          if (!tables.close(close.dunningId(), close.result())) {
            // Ended before it was opened (the provider did not know the invoice): no record to
            // close, and its log lines and events need the record, so the result stays in Temporal.
            log.info(
                "{} ended {} before it was opened ({}): nothing recorded",
                close.dunningId(),
                close.result().outcome(),
                close.result().reason());
            return;
          }
          if (close.entry() != null) {
            tables.insertLog(close.dunningId() + ":closed", close.dunningId(), close.entry());
          }
          if (close.result().outcome() == DunningStatus.RECOVERED) {
            tables.insertSuccessUnlessRecorded(close.dunningId(), close.result());
          }
          if (close.result().outcome() == DunningStatus.RECOVERED
              || close.result().outcome() == DunningStatus.CANCELLED) {
            // Paid or voided before its own expiry, it may be the last invoice another dunning's
            // restore waited for.
            subscription.ifPresent(s -> packages.restoreHeld(s, close.dunningId()));
          }
          events.add(ended(close));
        });
  }

  private static OutboundEvent started(
      OpenDunning open, String key, Instant failedAt, DunningSettings settings) {
    PaymentDetails payment = open.payment();
    return new OutboundEvent(
        key,
        open.dunningId(),
        EventType.STARTED,
        failedAt,
        OutboundEvent.data(
            "amountDue", payment.amountDue(),
            "currency", payment.currency(),
            "attemptCount", payment.attemptCount(),
            "failureCode", payment.failureCode(),
            "declineCode", payment.declineCode(),
            "subscriptionId", payment.subscriptionId(),
            "planId", payment.planId(),
            "packageName", payment.packageName(),
            "payUrl", payment.payUrl(),
            "policyVersion", settings.policy().version()));
  }

  /** The end of a dunning, whether or not it leaves a log line. */
  private static OutboundEvent ended(CloseDunning close) {
    DunningResult result = close.result();
    EventType type =
        switch (result.outcome()) {
          case RECOVERED -> EventType.RECOVERED;
          case CANCELLED -> EventType.CANCELLED;
          case EXPIRED -> EventType.EXPIRED;
          case ACTIVE, PAUSED ->
              throw new IllegalArgumentException("a dunning cannot end " + result.outcome());
        };
    return new OutboundEvent(
        close.dunningId() + ":closed",
        close.dunningId(),
        type,
        result.endedAt(),
        OutboundEvent.data("reason", result.reason(), "attempts", result.attempts()));
  }

  private static String failureReason(PaymentDetails payment) {
    return FailureNotes.reason(payment.failureCode(), payment.declineCode());
  }
}
