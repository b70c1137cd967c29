package com.example.dunning.api.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What Temporal holds about one dunning's workflow, as the dashboard shows it: the last events of
 * its history, newest first, the timers it waits on and its search attributes.
 *
 * @param eventCount how many events the history has in all, of which {@code events} are the last
 */
public record TemporalView(
    List<Event> events,
    int eventCount,
    List<PendingTimer> pendingTimers,
    Map<String, String> searchAttributes) {

  /** How many of the last events the page shows. */
  static final int EVENTS_SHOWN = 50;

  /** One history event; {@code type} as the Temporal UI writes it, e.g. {@code TimerStarted}. */
  public record Event(long id, String type, Instant at, String detail) {}

  /** A timer started and neither fired nor cancelled. */
  public record PendingTimer(String timerId, Instant firesAt) {}
}
