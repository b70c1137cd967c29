package com.example.dunning.activities.packages;

import com.example.dunning.activities.events.EventOutbox;
import com.example.dunning.activities.events.EventType;
import com.example.dunning.activities.events.OutboundEvent;
import com.example.dunning.activities.subscription.PackageExpiries;
import com.example.dunning.activities.subscription.PackageLog;
import com.example.dunning.activities.subscription.Subscription;
import com.example.dunning.activities.subscription.SubscriptionPackages;
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
import java.util.stream.Collectors;
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
  private final SubscriptionPackages subscriptions;
  private final PackageLog packageLog;
  private final PackageExpiries expiries;

  /** Packages without outbound events. */
  public CustomerPackages(
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      List<SubscriptionCancellation> cancellations) {
    this(jdbc, transaction, cancellations, EventOutbox.off());
  }

  /** Packages with the switch off: each dunning expires and restores its own. */
  public CustomerPackages(
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      List<SubscriptionCancellation> cancellations,
      EventOutbox events) {
    this(jdbc, transaction, cancellations, events, SubscriptionPackages.off());
  }

  @Autowired
  public CustomerPackages(
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      List<SubscriptionCancellation> cancellations,
      EventOutbox events,
      SubscriptionPackages subscriptions) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.cancellations = cancellations;
    this.events = events;
    this.subscriptions = subscriptions;
    this.packageLog = new PackageLog(jdbc);
    this.expiries = new PackageExpiries(jdbc);
  }

  @Override
  public void expirePackage(PackageChange change) {
    if (!subscriptions.enabled()) {
      expireOwn(change);
      return;
    }
    // Under the subscription's lock, so of two expiries at once only the first cancels and tells.
    transaction.executeWithoutResult(
        status -> {
          Optional<String> expiredBy =
              subscriptions
                  .lock(change.dunningId())
                  .flatMap(s -> subscriptions.expiredBy(s, change.dunningId()));
          if (expiredBy.isPresent()) {
            expireAlreadyExpired(change, expiredBy.get());
          } else {
            expireOwn(change);
          }
        });
  }

  /**
   * Another dunning of the subscription holds its package expired: this one gets its own expiry
   * (for its restore to act on) but neither cancels the subscription again nor tells it again.
   */
  private void expireAlreadyExpired(PackageChange change, String expiredBy) {
    PaymentDetails payment = change.payment();
    String name = payment.packageName() == null ? "package" : payment.packageName();
    String note =
        name
            + " already expired by "
            + expiredBy
            + " (subscription "
            + payment.subscriptionId()
            + "): not cancelled nor announced again";
    insertExpiry(change, false, note, null);
  }

  /** The dunning expires the package itself: cancels when asked, records it and tells it. */
  private void expireOwn(PackageChange change) {
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
    insertExpiry(change, cancel, note, EventType.PACKAGE_EXPIRED);
  }

  /**
   * @param event the expiry's event, or null for none
   */
  private void insertExpiry(PackageChange change, boolean cancel, String note, EventType event) {
    PaymentDetails payment = change.payment();
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
            if (event != null) {
              events.add(packageEvent(change, "expired", event, now, cancel));
            }
          }
        });
  }

  @Override
  public void restorePackage(PackageChange change) {
    if (!subscriptions.enabled()) {
      restoreOwn(change);
      return;
    }
    transaction.executeWithoutResult(
        status -> {
          Optional<Subscription> subscription = subscriptions.lock(change.dunningId());
          if (subscription.isEmpty()) {
            restoreOwn(change);
          } else if (isExpired(change.dunningId())) {
            restoreSubscription(change, subscription.get());
          }
        });
  }

  /**
   * The package comes back only when no other invoice of the subscription is still owed; this
   * dunning, paid, never holds it back itself (it still reads EXPIRED until it closes).
   */
  private void restoreSubscription(PackageChange change, Subscription subscription) {
    Timestamp now = Timestamp.from(Instant.now());
    List<SubscriptionPackages.Unpaid> unpaid =
        subscriptions.unpaidBesides(subscription, change.dunningId());
    if (unpaid.isEmpty()) {
      subscriptions.restoreAll(
          subscription,
          change.dunningId(),
          packageEvent(change, "restored", EventType.PACKAGE_RESTORED, now, null),
          now);
      return;
    }
    packageLog.write(
        change.dunningId() + ":restore-skipped",
        change.dunningId(),
        LogTitle.PACKAGE_RESTORED,
        EntryStatus.SKIPPED,
        "not restored: subscription "
            + subscription.id()
            + " still owes "
            + unpaid.stream().map(Object::toString).collect(Collectors.joining(", "))
            + "; restored once every invoice of the subscription is paid",
        now);
  }

  /**
   * Whether the dunning's own expiry is there and not restored: else a restore has nothing to do.
   */
  private boolean isExpired(String dunningId) {
    return !jdbc.queryForList(
            "SELECT 1 FROM package_expiry WHERE dunning_id = ? AND restored_at IS NULL", dunningId)
        .isEmpty();
  }

  private void restoreOwn(PackageChange change) {
    Timestamp now = Timestamp.from(Instant.now());
    transaction.executeWithoutResult(
        status -> {
          if (expiries.restore(change.dunningId(), "paid after expiry", now)) {
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
    packageLog.write(dunningId + ":" + what, dunningId, title, EntryStatus.SUCCESS, note, at);
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
