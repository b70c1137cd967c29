package com.example.dunning.activities.subscription;

import com.example.dunning.activities.events.EventOutbox;
import com.example.dunning.activities.events.EventType;
import com.example.dunning.activities.events.OutboundEvent;
import com.example.dunning.workflows.model.DunningStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One package per subscription, however many of its invoices are in dunning (switch {@code
 * dunning.conversation.enabled}): the first dunning to reach the end of grace expires it, and it is
 * given back only once every invoice of the subscription is paid. Each method runs inside the
 * calling activity's transaction, after {@link #lock}.
 */
@Component
public class SubscriptionPackages {

  /** The statuses of an invoice still owed: each holds the package expired. */
  private static final Set<DunningStatus> UNPAID =
      EnumSet.of(DunningStatus.ACTIVE, DunningStatus.PAUSED, DunningStatus.EXPIRED);

  private final JdbcTemplate jdbc;
  private final EventOutbox events;
  private final PackageLog log;
  private final PackageExpiries expiries;
  private final boolean enabled;

  @Autowired
  public SubscriptionPackages(
      JdbcTemplate jdbc,
      EventOutbox events,
      @Value("${dunning.conversation.enabled:false}") boolean enabled) {
    this.jdbc = jdbc;
    this.events = events;
    this.log = new PackageLog(jdbc);
    this.expiries = new PackageExpiries(jdbc);
    this.enabled = enabled;
  }

  /** The switch off: each dunning expires and restores its own package, as before it. */
  public static SubscriptionPackages off() {
    return new SubscriptionPackages(null, EventOutbox.off(), false);
  }

  public boolean enabled() {
    return enabled;
  }

  /**
   * Takes the subscription's lock until the transaction ends, before any row is written, so the
   * package changes of one subscription run one at a time.
   *
   * @return empty with the switch off, or when the dunning has no subscription (or no record)
   */
  public Optional<Subscription> lock(String dunningId) {
    if (!enabled) {
      return Optional.empty();
    }
    Optional<Subscription> subscription =
        jdbc
            .query(
                "SELECT provider, customer_id, subscription_id FROM failed_invoice"
                    + " WHERE dunning_id = ? AND subscription_id IS NOT NULL",
                (row, n) ->
                    new Subscription(
                        row.getString("provider"),
                        row.getString("customer_id"),
                        row.getString("subscription_id")),
                dunningId)
            .stream()
            .findFirst();
    // An advisory lock rather than FOR UPDATE on the invoices: it holds across the provider's
    // cancellation without blocking the dunnings' other writes to their failed_invoice rows.
    subscription.ifPresent(
        s ->
            jdbc.queryForObject(
                "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?))) AS locked",
                Integer.class,
                s.lockName()));
    return subscription;
  }

  /** Another dunning of the subscription whose expiry is not restored: the one that expired it. */
  public Optional<String> expiredBy(Subscription subscription, String dunningId) {
    List<Object> args = new ArrayList<>();
    String same = same(subscription, args);
    args.add(dunningId);
    return jdbc
        .queryForList(
            "SELECT p.dunning_id FROM failed_invoice f JOIN package_expiry p ON p.dunning_id ="
                + " f.dunning_id WHERE "
                + same
                + " AND f.dunning_id <> ? AND p.restored_at IS NULL"
                + " ORDER BY p.expired_at, p.dunning_id LIMIT 1",
            String.class,
            args.toArray())
        .stream()
        .findFirst();
  }

  /** The subscription's other invoices still owed; the asking dunning never counts. */
  public List<Unpaid> unpaidBesides(Subscription subscription, String dunningId) {
    List<Object> args = new ArrayList<>();
    String same = same(subscription, args);
    args.add(dunningId);
    UNPAID.forEach(status -> args.add(status.name()));
    String statuses = UNPAID.stream().map(s -> "?").collect(Collectors.joining(", "));
    return jdbc.query(
        "SELECT f.dunning_id, f.invoice_id, f.status FROM failed_invoice f WHERE "
            + same
            + " AND f.dunning_id <> ? AND f.status IN ("
            + statuses
            + ") ORDER BY f.failed_at, f.dunning_id",
        (row, n) ->
            new Unpaid(
                row.getString("dunning_id"),
                row.getString("invoice_id"),
                DunningStatus.valueOf(row.getString("status"))),
        args.toArray());
  }

  /**
   * Gives back every expiry of the subscription not yet restored, with a line in each of their
   * dunnings' logs and one event for the lot.
   *
   * @param restorer the dunning whose payment settles the subscription
   * @param event written once, and only when something was restored
   * @return how many expiries were restored
   */
  public int restoreAll(
      Subscription subscription, String restorer, OutboundEvent event, Timestamp at) {
    List<Object> args = new ArrayList<>();
    String same = same(subscription, args);
    List<String> expired =
        jdbc.queryForList(
            "SELECT p.dunning_id FROM failed_invoice f JOIN package_expiry p ON p.dunning_id ="
                + " f.dunning_id WHERE "
                + same
                + " AND p.restored_at IS NULL ORDER BY p.expired_at, p.dunning_id",
            String.class,
            args.toArray());
    int restored = 0;
    for (String dunningId : expired) {
      String note =
          dunningId.equals(restorer)
              ? "paid after expiry"
              : "every invoice of subscription "
                  + subscription.id()
                  + " is paid, the last in "
                  + restorer;
      if (expiries.restore(dunningId, note, at)) {
        restored++;
      }
    }
    if (restored > 0) {
      events.add(event);
    }
    return restored;
  }

  /**
   * A dunning recovered before its own expiry may settle the subscription: the package other
   * dunnings' restores held back (their invoices were paid, this one was not) is given back now.
   */
  public void restoreHeld(Subscription subscription, String dunningId) {
    if (!unpaidBesides(subscription, dunningId).isEmpty()) {
      return; // still owed elsewhere: the last of them to be paid restores it
    }
    Timestamp now = Timestamp.from(Instant.now());
    restoreAll(subscription, dunningId, heldRestored(dunningId, now.toInstant()), now);
  }

  /** The restore event of a dunning that had no payment in hand: its package read from its row. */
  private OutboundEvent heldRestored(String dunningId, Instant at) {
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT subscription_id, plan_id, package_name, package_id, user_id FROM failed_invoice"
                + " WHERE dunning_id = ?",
            dunningId);
    return new OutboundEvent(
        dunningId + ":restore-held",
        dunningId,
        EventType.PACKAGE_RESTORED,
        at,
        OutboundEvent.data(
            "subscriptionId", row.get("subscription_id"),
            "planId", row.get("plan_id"),
            "packageName", row.get("package_name"),
            "packageId", text(row.get("package_id")),
            "userId", text(row.get("user_id"))));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** The invoices of the subscription, as a condition on {@code failed_invoice f}. */
  private static String same(Subscription subscription, List<Object> args) {
    args.add(subscription.provider());
    args.add(subscription.id());
    if (subscription.customerId() == null) {
      return "f.provider = ? AND f.subscription_id = ? AND f.customer_id IS NULL";
    }
    args.add(subscription.customerId());
    // The customer too, so the lookup uses the index on (provider, customer_id).
    return "f.provider = ? AND f.subscription_id = ? AND f.customer_id = ?";
  }

  /** An invoice of the subscription still owed, as a log line names it. */
  public record Unpaid(String dunningId, String invoiceId, DunningStatus status) {

    @Override
    public String toString() {
      return invoiceId + " (" + dunningId + ", " + status + ")";
    }
  }
}
