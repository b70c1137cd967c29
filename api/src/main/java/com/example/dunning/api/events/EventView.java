package com.example.dunning.api.events;

import java.time.Instant;
import java.util.List;

/** An outbound event of a dunning with its deliveries, as {@code GET /api/v1/events} answers. */
public record EventView(
    String id,
    String type,
    Instant created,
    int sequence,
    String dunningId,
    List<EventDeliveryView> deliveries) {

  /** Whether some delivery of it is in {@code state}. */
  public boolean has(String state) {
    return deliveries.stream().anyMatch(d -> d.state().equals(state));
  }
}
