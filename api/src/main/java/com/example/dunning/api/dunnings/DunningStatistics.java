package com.example.dunning.api.dunnings;

import com.example.dunning.api.dunnings.DunningStats.Counts;
import com.example.dunning.api.dunnings.DunningStats.CurrencyStats;
import com.example.dunning.api.dunnings.DunningStats.StepRecovered;
import com.example.dunning.api.dunnings.DunningStats.WeekRecovered;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts, amounts and time to recovery over {@code failed_invoice}, by when the charge failed; what
 * the stats endpoint answers and the dashboard shows.
 */
@Repository
public class DunningStatistics {

  private final JdbcClient jdbc;

  DunningStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The range by default: the last 30 days. */
  public static final Duration DEFAULT_RANGE = Duration.ofDays(30);

  /**
   * Over a range given as the words of a query ({@link DateRange}): {@code to} defaults to now,
   * {@code from} to {@link #DEFAULT_RANGE} before {@code to}.
   *
   * @throws InvalidRequestException for a date that is none, or {@code from} not before {@code to}
   */
  public DunningStats over(String from, String to) {
    Instant until = DateRange.to(to);
    until = until == null ? Instant.now() : until;
    Instant since = DateRange.from(from);
    since = since == null ? until.minus(DEFAULT_RANGE) : since;
    DateRange.check(since, until);
    return over(since, until);
  }

  public DunningStats over(Instant from, Instant to) {
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
        currencies,
        recoveredByWeek(from, to),
        recoveredAtStep(from, to, all.recovered()));
  }

  private List<WeekRecovered> recoveredByWeek(Instant from, Instant to) {
    return jdbc.sql(
            """
            SELECT date_trunc('week', ended_at AT TIME ZONE 'UTC')::date AS week, currency,
                count(*) AS recovered_count, sum(amount_due) AS recovered_amount
            FROM failed_invoice
            WHERE status = 'RECOVERED' AND ended_at IS NOT NULL
              AND failed_at >= :from AND failed_at < :to
            GROUP BY 1, 2 ORDER BY 1, 2
            """)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(
            (row, n) ->
                new WeekRecovered(
                    row.getObject("week", LocalDate.class),
                    row.getString("currency"),
                    row.getLong("recovered_count"),
                    row.getLong("recovered_amount")))
        .list();
  }

  /**
   * The step each recovered dunning had reached. The log says which steps ran: a step's notices are
   * logged under the key {@code <dunning id>:<step>:email} (or {@code :sms}), sent or not, so the
   * last such line names the last step that ran. A dunning recovered by the charge its step retried
   * ended before that step's notices; its outcome says {@code (step <name>)}. Steps are ordered by
   * how long after the failure they ran, which is the order of the schedule.
   */
  private List<StepRecovered> recoveredAtStep(Instant from, Instant to, long recovered) {
    if (recovered == 0) {
      return List.of();
    }
    return jdbc.sql(
            """
            WITH recovered AS (
                SELECT dunning_id, failed_at, ended_at,
                    substring(outcome_reason FROM '\\(step ([^()]+)\\)$') AS by_retry
                FROM failed_invoice
                WHERE status = 'RECOVERED' AND failed_at >= :from AND failed_at < :to
            ), step_notices AS (
                SELECT l.id, l.dunning_id, l.logged_at,
                    substring(substr(l.record_key, length(l.dunning_id) + 2)
                        FROM '^(.+):(email|sms)$') AS step
                FROM dunning_log l JOIN recovered r ON r.dunning_id = l.dunning_id
            ), last_step AS (
                SELECT DISTINCT ON (dunning_id) dunning_id, step, logged_at FROM step_notices
                WHERE step IS NOT NULL AND step !~ '^(recovered|restored|authentication-[0-9]+)$'
                ORDER BY dunning_id, id DESC
            )
            SELECT step, recovered_count FROM (
                SELECT coalesce(r.by_retry, s.step) AS step, count(*) AS recovered_count,
                    min(CASE WHEN r.by_retry IS NULL THEN s.logged_at ELSE r.ended_at END
                        - r.failed_at) AS ran_after
                FROM recovered r LEFT JOIN last_step s ON s.dunning_id = r.dunning_id
                GROUP BY 1
            ) steps
            ORDER BY step IS NOT NULL, ran_after, step
            """)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(
            (row, n) -> {
              long count = row.getLong("recovered_count");
              return new StepRecovered(
                  row.getString("step"), count, DunningStats.share(count, recovered));
            })
        .list();
  }
}
