package com.example.dunning.activities.events;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * A receiver of outbound events, as configured and checked at start-up.
 *
 * @param secrets the signing secrets, the current first; two while one is rotated
 * @param types the event types it wants; empty for all
 */
public record EventEndpoint(URI url, List<String> secrets, Set<EventType> types) {

  public EventEndpoint {
    secrets = List.copyOf(secrets);
    types = Set.copyOf(types);
  }

  public boolean accepts(EventType type) {
    return types.isEmpty() || types.contains(type);
  }

  /** How deliveries name the endpoint: its URL. */
  public String key() {
    return url.toString();
  }
}
