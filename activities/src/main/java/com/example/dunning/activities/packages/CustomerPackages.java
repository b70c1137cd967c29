package com.example.dunning.activities.packages;

import com.example.dunning.activities.events.EventOutbox;
import com.example.dunning.activities.events.EventType;
import com.example.dunning.activities.events.OutboundEvent;
import com.example.dunning.workflows.activities.PackageActivities;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentDetails;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires the customer's package in PostgreSQL at the end of grace (the business reads {@code
 * failed_invoice.package_expiry_date} and {@code package_expiry}), and gives it back after a late
 * payment. The subscription is cancelled at the provider first, when the policy asks, so a retried
 * activity finds the cancellation done and the rows written once. The {@code
 * dunning.package_expired} and {@code dunning.package_restored} events, with which a business cuts
 * and gives back access, are written with the rows.
 */
@Component
@ActivityImpl(taskQueues = DunningIds.TASK_QUEUE)
public class CustomerPackages implements PackageActivities {

  private static final Logger log = LoggerFactory.getLogger(CustomerPackages.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final List<SubscriptionCancellation> cancellations;
  private final EventOutbox events;

  /** Packages without outbound events. */
  public CustomerPackages(
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      List<SubscriptionCancellation> cancellations) {
    this(jdbc, transaction, cancellations, EventOutbox.off());
  }

  @Autowired
  public CustomerPackages(
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      List<SubscriptionCancellation> cancellations,
      EventOutbox events) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.cancellations = cancellations;
    this.events = events;
  }

  @Override
  public void expirePackage(PackageChange change) {
    PaymentDetails payment = change.payment();
    boolean asked = change.cancelSubscription() && payment.subscriptionId() != null;
    Optional<SubscriptionCancellation> cancellation =
        asked ? cancellationFor(payment.provider()) : Optional.empty();
    String refusal = null;
    try {
      cancellation.ifPresent(
          c -> c.cancel(payment.subscriptionId(), change.dunningId() + ":cancel-subscription"));
    } catch (ApplicationFailure failure) {
      if (!SubscriptionCancellation.REFUSED.equals(failure.getType())) {
        throw failure;
      }
      // The package expires all the same: the end of grace is the business's rule, the
      // subscription an operator settles at the provider.
      log.error(
          "{}: {}; the package expires, the subscription stays",
          change.dunningId(),
          failure.getOriginalMessage());
      refusal = failure.getOriginalMessage();
    }
    boolean cancel = cancellation.isPresent() && refusal == null;
    String note = expiryNote(payment, cancel, asked && cancellation.isEmpty(), refusal);
    Timestamp now = Timestamp.from(Instant.now());
    transaction.executeWithoutResult(
        status -> {
          int inserted =
              jdbc.update(
                  """
                  INSERT INTO package_expiry (dunning_id, provider, customer_id, subscription_id, package_name,
                      expired_at, subscription_cancelled)
                  VALUES (?, ?, ?, ?, ?, ?, ?)
                  ON CONFLICT (dunning_id) DO NOTHING
                  """,
                  change.dunningId(),
                  payment.provider(),
                  payment.customer() == null ? null : payment.customer().id(),
                  payment.subscriptionId(),
                  payment.packageName(),
                  now,
                  cancel);
          if (inserted == 1) {
            jdbc.update(
                "UPDATE failed_invoice SET package_expiry_date = ?, status = ?, updated_at = now()"
                    + " WHERE dunning_id = ?",
                now,
                DunningStatus.EXPIRED.name(),
                change.dunningId());
            log(change.dunningId(), "expired", LogTitle.PACKAGE_EXPIRED, note, now);
            events.add(packageEvent(change, "expired", EventType.PACKAGE_EXPIRED, now, cancel));
          }
        });
  }

  @Override
  public void restorePackage(PackageChange change) {
    Timestamp now = Timestamp.from(Instant.now());
    transaction.executeWithoutResult(
        status -> {
          int restored =
              jdbc.update(
                  "UPDATE package_expiry SET restored_at = ? WHERE dunning_id = ? AND restored_at IS NULL",
                  now,
                  change.dunningId());
          if (restored == 1) {
            jdbc.update(
                "UPDATE failed_invoice SET package_expiry_date = NULL, updated_at = now() WHERE dunning_id = ?",
                change.dunningId());
            log(
                change.dunningId(),
                "restored",
                LogTitle.PACKAGE_RESTORED,
                "paid after expiry",
                now);
            events.add(packageEvent(change, "restored", EventType.PACKAGE_RESTORED, now, null));
          }
        });
  }

  /**
   * What a business needs to cut or give back access: whose package, by the provider's and its own
   * ids.
   *
   * @param subscriptionCancelled for an expiry; null for a restore
   */
  private static OutboundEvent packageEvent(
      PackageChange change,
      String what,
      EventType type,
      Timestamp at,
      Boolean subscriptionCancelled) {
    PaymentDetails payment = change.payment();
    Map<String, String> metadata = payment.metadata() == null ? Map.of() : payment.metadata();
    return new OutboundEvent(
        change.dunningId() + ":" + what,
        change.dunningId(),
        type,
        at.toInstant(),
        OutboundEvent.data(
            "subscriptionId", payment.subscriptionId(),
            "subscriptionCancelled", subscriptionCancelled,
            "planId", payment.planId(),
            "packageName", payment.packageName(),
            "packageId", stripped(metadata.get("package_id")),
            "userId", stripped(metadata.get("user_id"))));
  }

  private static String stripped(String value) {
    return value == null ? null : value.strip();
  }

  /** Empty for a provider we cannot cancel at: the package still expires, and the log says so. */
  private Optional<SubscriptionCancellation> cancellationFor(String provider) {
    return cancellations.stream().filter(c -> c.handles(provider)).findFirst();
  }

  private void log(String dunningId, String what, LogTitle title, String note, Timestamp at) {
    jdbc.update(
        """
        INSERT INTO dunning_log (record_key, dunning_id, title, logged_at, note, status)
        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (record_key) DO NOTHING
        """,
        dunningId + ":" + what,
        dunningId,
        title.text(),
        at,
        note,
        EntryStatus.SUCCESS.name());
  }

  private static String expiryNote(
      PaymentDetails payment, boolean cancelled, boolean cannotCancel, String refusal) {
    String name = payment.packageName() == null ? "package" : payment.packageName();
    String note = name + " expired at the end of grace";
    if (cancelled) {
      return note + "; subscription cancelled";
    }
    if (refusal != null) {
      return note + "; subscription not cancelled: " + refusal;
    }
    if (cannotCancel) {
      return note + "; subscription not cancelled: no way to cancel at " + payment.provider();
    }
    return note;
  }
}
