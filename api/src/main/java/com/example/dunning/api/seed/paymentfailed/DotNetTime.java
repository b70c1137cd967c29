package com.example.dunning.api.seed.paymentfailed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as .NET writes a {@code DateTimeOffset} ("o"): {@code
 * 2026-01-11T19:31:57.4839973+00:00}, always in UTC. PostgreSQL keeps microseconds, so the seventh
 * digit is always 0.
 */
final class DotNetTime {

  private static final DateTimeFormatter ROUND_TRIP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSxxx");

  private DotNetTime() {}

  static String format(Instant instant) {
    return instant == null ? null : ROUND_TRIP.format(instant.atOffset(ZoneOffset.UTC));
  }
}
