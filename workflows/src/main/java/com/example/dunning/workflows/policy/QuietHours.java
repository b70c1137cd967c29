package com.example.dunning.workflows.policy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours of the customer's night when no email or SMS is sent, e.g. 21:00 to 08:00. A window
 * whose start equals its end is empty.
 */
public record QuietHours(LocalTime start, LocalTime end) {

  /** The first instant at or after {@code now} outside the quiet window in {@code zone}. */
  public Instant nextSendTime(Instant now, ZoneId zone) {
    ZonedDateTime local = now.atZone(zone);
    LocalTime time = local.toLocalTime();
    if (!isQuiet(time)) {
      return now;
    }
    ZonedDateTime endToday = local.with(end);
    ZonedDateTime next = endToday.isAfter(local) ? endToday : endToday.plusDays(1).with(end);
    return next.toInstant();
  }

  /**
   * The customer's zone, in which quiet hours are kept; null when unknown or not a valid zone id,
   * and then no quiet hours apply.
   */
  public static ZoneId zoneOf(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException unknown) {
      return null;
    }
  }

  boolean isQuiet(LocalTime time) {
    if (start.equals(end)) {
      return false;
    }
    if (start.isBefore(end)) {
      return !time.isBefore(start) && time.isBefore(end);
    }
    return !time.isBefore(start) || time.isBefore(end);
  }
}
