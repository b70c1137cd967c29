package com.example.dunning.api.dunnings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads {@code from} and {@code to} query parameters: an instant ({@code 2026-11-01T00:00:00Z}) or
 * a day in UTC ({@code 2026-11-01}). A day as {@code from} starts at its midnight; a day as {@code
 * to} is included whole.
 */
public final class DateRange {

  private DateRange() {}

  public static Instant from(String value) {
    return parse("from", value, false);
  }

  public static Instant to(String value) {
    return parse("to", value, true);
  }

  public static void check(Instant from, Instant to) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidRequestException("from must be before to: " + from + " / " + to);
    }
  }

  private static Instant parse(String name, String value, boolean endOfDay) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException notAnInstant) {
      try {
        LocalDate day = LocalDate.parse(value.strip());
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notADay) {
        throw new InvalidRequestException(
            name
                + ": '"
                + value
                + "' is neither an ISO-8601 instant (2026-11-01T00:00:00Z) nor a day"
                + " (2026-11-01)");
      }
    }
  }
}
