package com.example.dunning.api.reconciliation;

import com.example.dunning.workflows.activities.ReconciliationActivities.SweepSummary;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the reconciliation sweeps the worker records in PostgreSQL, as the sweep itself sums them
 * up ({@link SweepSummary}; a sweep whose worker died unresumed has no {@code finishedAt}).
 */
@Component
class ReconciliationHistory {

  private final JdbcClient jdbc;

  ReconciliationHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest sweeps, newest first. */
  List<SweepSummary> latest(int limit) {
    return jdbc.sql(
            "SELECT sweep_id, started_at, finished_at, invoices_scanned, dunnings_started,"
                + " dunnings_checked, dunnings_ended, errors FROM reconciliation"
                + " ORDER BY started_at DESC, sweep_id LIMIT ?")
        .param(limit)
        .query(
            (row, i) ->
                new SweepSummary(
                    row.getString("sweep_id"),
                    instant(row.getTimestamp("started_at")),
                    instant(row.getTimestamp("finished_at")),
                    row.getInt("invoices_scanned"),
                    row.getInt("dunnings_started"),
                    row.getInt("dunnings_checked"),
                    row.getInt("dunnings_ended"),
                    row.getInt("errors")))
        .list();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
