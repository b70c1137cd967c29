package com.example.dunning.api.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the outbound events the worker's outbox wrote, with their deliveries. */
@Component
public class EventRecords {

  private final JdbcClient jdbc;

  EventRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The events of one dunning (or of all, when null) in sequence order, newest dunnings first.
   *
   * @param state only events with a delivery in that state; null for every event
   */
  public List<EventView> find(String dunningId, String state, int limit) {
    Map<String, EventView> events = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT e.event_id, e.type, e.created_at, e.sequence, e.dunning_id,
                d.endpoint, d.state, d.attempts, d.last_status, d.last_error, d.next_try_at,
                d.delivered_at, d.failed_at
            FROM (SELECT * FROM dunning_event ev
                  WHERE (CAST(:dunning AS TEXT) IS NULL OR ev.dunning_id = :dunning)
                    AND (CAST(:state AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM event_delivery s
                         WHERE s.event_id = ev.event_id AND s.state = :state))
                  ORDER BY ev.created_at DESC, ev.dunning_id, ev.sequence DESC
                  LIMIT :limit) e
            JOIN event_delivery d ON d.event_id = e.event_id
            ORDER BY e.dunning_id, e.sequence, d.endpoint
            """)
        .param("dunning", dunningId)
        .param("state", state)
        .param("limit", limit)
        .query(
            (ResultSet row) -> {
              EventView event =
                  events.computeIfAbsent(
                      row.getString("event_id"),
                      id -> {
                        try {
                          return new EventView(
                              id,
                              row.getString("type"),
                              instant(row.getTimestamp("created_at")),
                              row.getInt("sequence"),
                              row.getString("dunning_id"),
                              new ArrayList<>());
                        } catch (SQLException e) {
                          throw new IllegalStateException(e);
                        }
                      });
              event.deliveries().add(delivery(row));
            });
    return List.copyOf(events.values());
  }

  private static EventDeliveryView delivery(ResultSet row) throws SQLException {
    int status = row.getInt("last_status");
    Integer lastStatus = row.wasNull() ? null : status;
    return new EventDeliveryView(
        row.getString("endpoint"),
        row.getString("state"),
        row.getInt("attempts"),
        lastStatus,
        row.getString("last_error"),
        instant(row.getTimestamp("next_try_at")),
        instant(row.getTimestamp("delivered_at")),
        instant(row.getTimestamp("failed_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
