package com.example.dunning.api.reconciliation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the reconciliation sweeps the worker records in PostgreSQL. */
@Component
class ReconciliationHistory {

  private final JdbcClient jdbc;

  ReconciliationHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest sweeps, newest first. */
  List<Sweep> latest(int limit) {
    return jdbc.sql(
            "SELECT sweep_id, started_at, finished_at, invoices_scanned, dunnings_started,"
                + " dunnings_checked, dunnings_ended, errors FROM reconciliation"
                + " ORDER BY started_at DESC, sweep_id LIMIT ?")
        .param(limit)
        .query(
            (row, i) ->
                new Sweep(
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

  /**
   * One sweep.
   *
   * @param finishedAt null while it runs, or when its worker died and it was not resumed
   */
  record Sweep(
      String sweepId,
      Instant startedAt,
      Instant finishedAt,
      int invoicesScanned,
      int dunningsStarted,
      int dunningsChecked,
      int dunningsEnded,
      int errors) {}
}
