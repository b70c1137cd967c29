package com.example.dunning.api.dunnings;

import com.example.dunning.workflows.model.DunningStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a list asks for; every part may be left out.
 *
 * @param provider a provider's name, e.g. {@code stripe}
 * @param customer a customer id, or an e-mail address (case-insensitive)
 * @param from failures at or after this instant
 * @param to failures before this instant
 */
public record DunningFilter(
    Set<DunningStatus> statuses, String provider, String customer, Instant from, Instant to) {

  /**
   * A filter from the words of a query, as the list endpoint and the dashboard take them: blanks
   * are left out, {@code from} and {@code to} are read by {@link DateRange}.
   *
   * @throws InvalidRequestException for a date that is none, or {@code from} not before {@code to}
   */
  public static DunningFilter of(
      Set<DunningStatus> statuses, String provider, String customer, String from, String to) {
    Instant since = DateRange.from(from);
    Instant until = DateRange.to(to);
    DateRange.check(since, until);
    return new DunningFilter(statuses, word(provider), word(customer), since, until);
  }

  private static String word(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Statuses from their names, comma-separated, in any case. */
  public static Set<DunningStatus> statuses(String status) {
    Set<DunningStatus> statuses = EnumSet.noneOf(DunningStatus.class);
    if (status == null || status.isBlank()) {
      return statuses;
    }
    for (String name : status.split(",")) {
      try {
        statuses.add(DunningStatus.valueOf(name.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(
            "status: '" + name.strip() + "' is none of " + EnumSet.allOf(DunningStatus.class));
      }
    }
    return statuses;
  }
}
