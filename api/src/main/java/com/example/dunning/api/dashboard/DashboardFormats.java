package com.example.dunning.api.dashboard;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How the dashboard writes amounts, times and rates; the templates call it as {@code @formats}.
 * Times are in UTC, said on the page: no script runs to move them to the reader's zone.
 */
@Component("formats")
public class DashboardFormats {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** An amount in minor units as the currency writes it: {@code 1999, usd} is {@code 19.99 USD}. */
  public String amount(long minorUnits, String currency) {
    return BigDecimal.valueOf(minorUnits, fractionDigits(currency)).toPlainString()
        + " "
        + currency.toUpperCase(Locale.ROOT);
  }

  /** {@code 2026-11-27 14:05}, in UTC; empty for none. */
  public String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  /** {@code 2026-11-27 14:05:09}, in UTC, for events seconds apart; empty for none. */
  public String seconds(Instant at) {
    return at == null ? "" : SECONDS.format(at);
  }

  /** A rate of 0..1 as a percentage with one decimal, {@code –} for none. */
  public String percent(Double rate) {
    return rate == null ? "–" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
  }

  /** {@code 3 d 4 h}, {@code 5 h 20 min}, {@code 45 s}; {@code –} for none. */
  public String duration(Long seconds) {
    if (seconds == null) {
      return "–";
    }
    Duration length = Duration.ofSeconds(seconds);
    if (length.toDays() > 0) {
      return length.toDays() + " d " + length.toHoursPart() + " h";
    }
    if (length.toHours() > 0) {
      return length.toHours() + " h " + length.toMinutesPart() + " min";
    }
    if (length.toMinutes() > 0) {
      return length.toMinutes() + " min " + length.toSecondsPart() + " s";
    }
    return length.toSeconds() + " s";
  }

  static int fractionDigits(String currency) {
    try {
      int digits =
          Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
      return Math.max(digits, 0);
    } catch (IllegalArgumentException unknown) {
      return 2;
    }
  }
}
