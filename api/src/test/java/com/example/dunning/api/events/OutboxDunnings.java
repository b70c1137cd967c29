package com.example.dunning.api.events;

import static com.example.dunning.activities.DunningFixtures.open;
import static com.example.dunning.activities.DunningFixtures.payment;
import static com.example.dunning.activities.DunningFixtures.policies;
import static com.example.dunning.activities.DunningFixtures.transaction;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.events.EventEndpoint;
import com.example.dunning.activities.events.EventEndpoints;
import com.example.dunning.activities.events.EventOutbox;
import com.example.dunning.activities.record.DunningRecords;
import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.workflows.activities.DunningRecordActivities.CloseDunning;
import com.example.dunning.workflows.activities.DunningRecordActivities.OpenDunning;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Dunnings whose events the worker's own outbox wrote: started (delivered) and cancelled (failed
 * after three days at the receiver), each under an invoice id of its own.
 */
public final class OutboxDunnings {

  public static final String RECEIVER = "https://receiver.example.com/events";
  public static final Instant ENDED = Instant.parse("2026-11-27T10:00:00Z");

  private final JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.dataSource());

  /**
   * @return the dunning's id
   */
  public String cancelledWithAFailedDelivery() {
    EventEndpoints receiver =
        EventEndpoints.of(
            new EventEndpoint(
                URI.create(RECEIVER), List.of("0123456789abcdef0123456789abcdef"), Set.of()));
    DunningRecords records =
        new DunningRecords(
            new DunningTables(jdbc),
            policies(true),
            transaction(TestPostgres.dataSource()),
            new EventOutbox(jdbc, receiver));
    String invoice = "in_events_" + UUID.randomUUID().toString().substring(0, 8);
    String dunningId = DunningIds.workflowId("stripe", invoice);
    OpenDunning fixture = open(payment());
    records.openDunning(
        new OpenDunning(dunningId, fixture.request(), withInvoice(fixture, invoice)));
    records.closeDunning(
        new CloseDunning(
            dunningId,
            new DunningResult(DunningStatus.CANCELLED, "cancelled by alice", ENDED, 2),
            LogEntry.of(ENDED, LogTitle.CANCELLED, "cancelled by alice")));
    jdbc.update(
        "UPDATE event_delivery SET state = 'DELIVERED', attempts = 1, last_status = 200,"
            + " delivered_at = now() WHERE dunning_id = ? AND sequence = 1",
        dunningId);
    jdbc.update(
        "UPDATE event_delivery SET state = 'FAILED', attempts = 80, last_status = 503,"
            + " last_error = 'HTTP 503', failed_at = now() WHERE dunning_id = ? AND sequence = 2",
        dunningId);
    return dunningId;
  }

  /** The id of the dunning's event whose delivery failed. */
  public String failedEventId(String dunningId) {
    return jdbc.queryForObject(
        "SELECT event_id FROM event_delivery WHERE dunning_id = ? AND state = 'FAILED'",
        String.class,
        dunningId);
  }

  public String state(String eventId) {
    return jdbc.queryForObject(
        "SELECT state FROM event_delivery WHERE event_id = ?", String.class, eventId);
  }

  private static com.example.dunning.workflows.model.PaymentDetails withInvoice(
      OpenDunning fixture, String invoice) {
    var p = fixture.payment();
    return new com.example.dunning.workflows.model.PaymentDetails(
        p.provider(),
        invoice,
        p.status(),
        p.amountDue(),
        p.currency(),
        p.attemptCount(),
        p.nextPaymentAttempt(),
        p.payUrl(),
        p.customer(),
        p.subscriptionId(),
        p.planId(),
        p.packageName(),
        p.paymentIntentId(),
        p.paymentMethodId(),
        p.failureCode(),
        p.declineCode(),
        p.requiresAuthentication(),
        p.metadata());
  }
}
