package com.example.dunning.activities.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event to tell the endpoints, as the activity that records its step describes it.
 *
 * @param key the step's record key, made by the workflow (e.g. {@code <dunning id>:closed}): the
 *     event's id is derived from it, so a retried activity makes the same event
 * @param created when the step happened
 * @param data what the event type tells beyond the envelope; nulls are left out, instants written
 *     as ISO-8601
 */
public record OutboundEvent(
    String key, String dunningId, EventType type, Instant created, Map<String, Object> data) {

  public OutboundEvent {
    created = created == null ? Instant.now() : created;
    Map<String, Object> present = new LinkedHashMap<>();
    data.forEach(
        (name, value) -> {
          if (value != null) {
            present.put(name, value instanceof Instant at ? at.toString() : value);
          }
        });
    data = Collections.unmodifiableMap(present);
  }

  /** Data in the order given, for a readable body: name, value, name, value… */
  public static Map<String, Object> data(Object... namesAndValues) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      data.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return data;
  }
}
