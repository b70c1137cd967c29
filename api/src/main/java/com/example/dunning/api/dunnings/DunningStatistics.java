package com.example.dunning.api.dunnings;

import com.example.dunning.api.dunnings.DunningStats.Counts;
import com.example.dunning.api.dunnings.DunningStats.CurrencyStats;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts, amounts and time to recovery over {@code failed_invoice}, by when the charge failed. */
@Repository
class DunningStatistics {

  private final JdbcClient jdbc;

  DunningStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  DunningStats over(Instant from, Instant to) {
    List<CurrencyStats> currencies =
        jdbc.sql(
                """
                SELECT currency,
                    count(*) FILTER (WHERE status IN ('ACTIVE', 'PAUSED')) AS open_count,
                    count(*) FILTER (WHERE status = 'RECOVERED') AS recovered_count,
                    count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled_count,
                    count(*) FILTER (WHERE status = 'EXPIRED') AS expired_count,
                    count(*) AS total_count,
                    coalesce(sum(amount_due) FILTER (WHERE status IN ('ACTIVE', 'PAUSED')), 0) AS open_amount,
                    coalesce(sum(amount_due) FILTER (WHERE status = 'RECOVERED'), 0) AS recovered_amount,
                    coalesce(sum(amount_due) FILTER (WHERE status = 'CANCELLED'), 0) AS cancelled_amount,
                    coalesce(sum(amount_due) FILTER (WHERE status = 'EXPIRED'), 0) AS expired_amount,
                    coalesce(sum(amount_due), 0) AS total_amount
                FROM failed_invoice
                WHERE failed_at >= :from AND failed_at < :to
                GROUP BY currency ORDER BY currency
                """)
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query(
                (row, n) -> {
                  Counts counts =
                      new Counts(
                          row.getLong("open_count"),
                          row.getLong("recovered_count"),
                          row.getLong("cancelled_count"),
                          row.getLong("expired_count"),
                          row.getLong("total_count"));
                  Counts amounts =
                      new Counts(
                          row.getLong("open_amount"),
                          row.getLong("recovered_amount"),
                          row.getLong("cancelled_amount"),
                          row.getLong("expired_amount"),
                          row.getLong("total_amount"));
                  return new CurrencyStats(
                      row.getString("currency"), counts, amounts, DunningStats.rate(counts));
                })
            .list();
    Counts all =
        currencies.stream()
            .map(CurrencyStats::counts)
            .reduce(new Counts(0, 0, 0, 0, 0), Counts::plus);
    Long medianSeconds =
        jdbc.sql(
                """
                SELECT round(percentile_cont(0.5) WITHIN GROUP (
                    ORDER BY extract(EPOCH FROM ended_at - failed_at)))::bigint
                FROM failed_invoice
                WHERE status = 'RECOVERED' AND ended_at IS NOT NULL
                  AND failed_at >= :from AND failed_at < :to
                """)
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query(Long.class)
            .optional()
            .orElse(null);
    return new DunningStats(
        from,
        to,
        all,
        DunningStats.rate(all),
        medianSeconds == null ? null : Duration.ofSeconds(medianSeconds).toString(),
        medianSeconds,
        currencies);
  }
}
