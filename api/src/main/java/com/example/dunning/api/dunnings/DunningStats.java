package com.example.dunning.api.dunnings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How dunning did for the invoices that failed in {@code [from, to)}: a stable shape, read by
 * dashboards. Open means ACTIVE or PAUSED; the other three are the outcomes.
 *
 * @param recoveryRate recovered / (recovered + cancelled + expired), 0..1 rounded to 4 places; null
 *     while none has ended
 * @param medianTimeToRecovery from the failure to the payment, over the recovered ones (ISO-8601,
 *     e.g. {@code PT52H30M}); null while none is recovered
 * @param medianTimeToRecoverySeconds the same in seconds
 * @param currencies the same counts with amounts (minor units), per currency, by currency code
 * @param recoveredByWeek the recovered ones by the week their payment came, per currency, oldest
 *     week first; weeks without a recovery are left out
 * @param recoveredAtStep the recovered ones by the step of the schedule that had run last when they
 *     were recovered, in the order of the schedule
 */
public record DunningStats(
    Instant from,
    Instant to,
    Counts counts,
    Double recoveryRate,
    String medianTimeToRecovery,
    Long medianTimeToRecoverySeconds,
    List<CurrencyStats> currencies,
    List<WeekRecovered> recoveredByWeek,
    List<StepRecovered> recoveredAtStep) {

  public record Counts(long open, long recovered, long cancelled, long expired, long total) {

    Counts plus(Counts other) {
      return new Counts(
          open + other.open,
          recovered + other.recovered,
          cancelled + other.cancelled,
          expired + other.expired,
          total + other.total);
    }
  }

  /**
   * @param amounts the sums of {@code amountDue} in the currency's minor unit, by the same groups
   * @param recoveryRate by count, as above, in this currency
   */
  public record CurrencyStats(
      String currency, Counts counts, Counts amounts, Double recoveryRate) {}

  /**
   * @param week the Monday (UTC) of the week
   * @param amount the sum of their amounts due, in the currency's minor unit
   */
  public record WeekRecovered(LocalDate week, String currency, long count, long amount) {}

  /**
   * @param step the name of the step (e.g. {@code retry-1}); null for the ones recovered before the
   *     first step ran (paid at the provider, or marked paid, before the first notice)
   * @param share of all recovered ones, 0..1 rounded to 4 places
   */
  public record StepRecovered(String step, long count, double share) {}

  static Double rate(Counts counts) {
    long ended = counts.recovered() + counts.cancelled() + counts.expired();
    return ended == 0 ? null : share(counts.recovered(), ended);
  }

  static double share(long part, long whole) {
    return Math.round(10_000.0 * part / whole) / 10_000.0;
  }
}
