package com.example.dunning.api.dunnings;

import java.time.Instant;
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
 */
public record DunningStats(
    Instant from,
    Instant to,
    Counts counts,
    Double recoveryRate,
    String medianTimeToRecovery,
    Long medianTimeToRecoverySeconds,
    List<CurrencyStats> currencies) {

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

  static Double rate(Counts counts) {
    long ended = counts.recovered() + counts.cancelled() + counts.expired();
    return ended == 0 ? null : Math.round(10_000.0 * counts.recovered() / ended) / 10_000.0;
  }
}
