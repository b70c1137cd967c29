package com.example.dunning.activities.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes outbound events into PostgreSQL, inside the transaction of the activity that records their
 * step, so an event exists exactly when its step is recorded: a transactional outbox. The worker's
 * {@link EventDeliveryLoop} sends them. Each event's id comes from the step's record key, and a
 * retried activity finds it and writes nothing; its {@code sequence} is its place among the
 * dunning's events, counted under a lock on the dunning's row. With no endpoint for the type it
 * writes nothing at all.
 */
@Component
public class EventOutbox {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final EventEndpoints endpoints;
  private final Clock clock;

  @Autowired
  public EventOutbox(JdbcTemplate jdbc, EventEndpoints endpoints) {
    this(jdbc, endpoints, Clock.systemUTC());
  }

  public EventOutbox(JdbcTemplate jdbc, EventEndpoints endpoints, Clock clock) {
    this.jdbc = jdbc;
    this.endpoints = endpoints;
    this.clock = clock;
  }

  /** An outbox without endpoints, which writes nothing: for records built without Spring. */
  public static EventOutbox off() {
    return new EventOutbox(null, EventEndpoints.none());
  }

  /** The event's id: stable for a step's key, so a receiver can drop a repeat. */
  public static String eventId(String key, EventType type) {
    UUID uuid =
        UUID.nameUUIDFromBytes((key + "|" + type.wireName()).getBytes(StandardCharsets.UTF_8));
    return "evt_" + uuid.toString().replace("-", "");
  }

  /** Adds the event for each endpoint that wants it; call inside the step's transaction. */
  public void add(OutboundEvent event) {
    List<EventEndpoint> receivers = endpoints.accepting(event.type());
    if (receivers.isEmpty()) {
      return;
    }
    // Locks the dunning's row, so that two steps recorded at once still get distinct sequences.
    List<Map<String, Object>> dunning =
        jdbc.queryForList(
            "SELECT provider, invoice_id, customer_id FROM failed_invoice WHERE dunning_id = ?"
                + " FOR NO KEY UPDATE",
            event.dunningId());
    if (dunning.isEmpty()) {
      return; // never opened (the provider did not know the invoice): nothing was started to tell
    }
    String id = eventId(event.key(), event.type());
    if (!jdbc.queryForList("SELECT 1 FROM dunning_event WHERE event_id = ?", id).isEmpty()) {
      return; // a retried activity: written the first time
    }
    int sequence =
        jdbc.queryForObject(
            "SELECT COALESCE(max(sequence), 0) + 1 FROM dunning_event WHERE dunning_id = ?",
            Integer.class,
            event.dunningId());
    String body = body(id, sequence, event, dunning.get(0));
    jdbc.update(
        "INSERT INTO dunning_event (event_id, dunning_id, type, sequence, created_at, body)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        id,
        event.dunningId(),
        event.type().wireName(),
        sequence,
        Timestamp.from(event.created()),
        body);
    Instant now = clock.instant();
    for (EventEndpoint receiver : receivers) {
      jdbc.update(
          "INSERT INTO event_delivery (event_id, endpoint, dunning_id, sequence, state, next_try_at,"
              + " give_up_at) VALUES (?, ?, ?, ?, 'PENDING', ?, ?) ON CONFLICT DO NOTHING",
          id,
          receiver.key(),
          event.dunningId(),
          sequence,
          Timestamp.from(now),
          Timestamp.from(now.plus(endpoints.giveUpAfter())));
    }
  }

  private static String body(
      String id, int sequence, OutboundEvent event, Map<String, Object> dunning) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("id", id);
    envelope.put("type", event.type().wireName());
    envelope.put("created", event.created().toString());
    envelope.put("sequence", sequence);
    envelope.put("dunningId", event.dunningId());
    envelope.put("provider", dunning.get("provider"));
    envelope.put("invoiceId", dunning.get("invoice_id"));
    envelope.put("customerId", dunning.get("customer_id"));
    envelope.put("data", event.data());
    try {
      return JSON.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event " + id + " cannot be written as JSON", e);
    }
  }
}
