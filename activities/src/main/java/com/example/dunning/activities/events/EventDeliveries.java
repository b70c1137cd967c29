package com.example.dunning.activities.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * SQL for the deliveries of outbound events. A worker claims due deliveries with a lease (rows
 * locked {@code FOR UPDATE SKIP LOCKED} while claimed, so two workers never claim the same one); a
 * worker that dies mid-delivery leaves the lease to run out, and the delivery is claimed again.
 * Only the first pending event of a dunning and endpoint is due, so each endpoint gets a dunning's
 * events in sequence order. Times are the worker's clock, so a test can skip time.
 */
@Repository
public class EventDeliveries {

  /** One delivery, claimed until {@code leasedUntil}. */
  public record Claimed(
      String eventId,
      String endpoint,
      int attempts,
      Instant giveUpAt,
      Instant leasedUntil,
      String body) {}

  private final JdbcTemplate jdbc;

  public EventDeliveries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims up to {@code limit} due deliveries to the given endpoints and counts their attempt. */
  public List<Claimed> claim(List<String> endpoints, Instant now, Instant leasedUntil, int limit) {
    if (endpoints.isEmpty()) {
      return List.of();
    }
    String in = String.join(", ", Collections.nCopies(endpoints.size(), "?"));
    List<Object> arguments = new ArrayList<>();
    arguments.addAll(endpoints);
    arguments.add(Timestamp.from(now));
    arguments.add(Timestamp.from(now));
    arguments.add(limit);
    arguments.add(Timestamp.from(leasedUntil));
    return jdbc.query(
        """
        WITH due AS (
            SELECT d.event_id, d.endpoint FROM event_delivery d
            WHERE d.state = 'PENDING' AND d.endpoint IN (%s) AND d.next_try_at <= ?
              AND (d.leased_until IS NULL OR d.leased_until <= ?)
              AND NOT EXISTS (
                  SELECT 1 FROM event_delivery earlier
                  WHERE earlier.dunning_id = d.dunning_id AND earlier.endpoint = d.endpoint
                    AND earlier.state = 'PENDING' AND earlier.sequence < d.sequence)
            ORDER BY d.next_try_at, d.sequence
            LIMIT ?
            FOR UPDATE OF d SKIP LOCKED)
        UPDATE event_delivery d SET leased_until = ?, attempts = d.attempts + 1
        FROM due, dunning_event e
        WHERE d.event_id = due.event_id AND d.endpoint = due.endpoint AND e.event_id = d.event_id
        RETURNING d.event_id, d.endpoint, d.attempts, d.give_up_at, d.leased_until, e.body
        """
            .formatted(in),
        (row, n) ->
            new Claimed(
                row.getString("event_id"),
                row.getString("endpoint"),
                row.getInt("attempts"),
                row.getTimestamp("give_up_at").toInstant(),
                row.getTimestamp("leased_until").toInstant(),
                row.getString("body")),
        arguments.toArray());
  }

  /** The endpoint answered 2xx. Also after the lease ran out: the event did arrive. */
  public void delivered(Claimed delivery, int status, Instant now) {
    jdbc.update(
        "UPDATE event_delivery SET state = 'DELIVERED', delivered_at = ?, last_status = ?,"
            + " last_error = NULL, leased_until = NULL"
            + " WHERE event_id = ? AND endpoint = ? AND state = 'PENDING'",
        Timestamp.from(now),
        status,
        delivery.eventId(),
        delivery.endpoint());
  }

  /**
   * An attempt that failed, to try again at {@code nextTry}; nothing when another worker holds the
   * delivery since (this attempt's lease ran out).
   *
   * @param status the HTTP status, or null when none came back
   */
  public void retryLater(Claimed delivery, Integer status, String error, Instant nextTry) {
    jdbc.update(
        "UPDATE event_delivery SET next_try_at = ?, last_status = ?, last_error = ?,"
            + " leased_until = NULL"
            + " WHERE event_id = ? AND endpoint = ? AND state = 'PENDING' AND leased_until = ?",
        Timestamp.from(nextTry),
        status,
        error,
        delivery.eventId(),
        delivery.endpoint(),
        Timestamp.from(delivery.leasedUntil()));
  }

  /** Retried until its give-up time: recorded as failed, to be redelivered by hand. */
  public void failed(Claimed delivery, Integer status, String error, Instant now) {
    jdbc.update(
        "UPDATE event_delivery SET state = 'FAILED', failed_at = ?, last_status = ?,"
            + " last_error = ?, leased_until = NULL"
            + " WHERE event_id = ? AND endpoint = ? AND state = 'PENDING' AND leased_until = ?",
        Timestamp.from(now),
        status,
        error,
        delivery.eventId(),
        delivery.endpoint(),
        Timestamp.from(delivery.leasedUntil()));
  }
}
