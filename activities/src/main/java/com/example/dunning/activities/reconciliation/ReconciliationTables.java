package com.example.dunning.activities.reconciliation;

import com.example.dunning.workflows.activities.ReconciliationActivities.SweepSummary;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The SQL of the reconciliation: its own table, and what it reads of the dunnings' records. */
@Component
public class ReconciliationTables {

  private final JdbcTemplate jdbc;

  public ReconciliationTables(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insertStarted(String sweepId, Instant startedAt) {
    jdbc.update(
        "INSERT INTO reconciliation (sweep_id, started_at) VALUES (?, ?)"
            + " ON CONFLICT (sweep_id) DO NOTHING",
        sweepId,
        Timestamp.from(startedAt));
  }

  /**
   * @return false when the sweep was finished already (a retried activity)
   */
  boolean finish(SweepSummary summary) {
    return jdbc.update(
            "INSERT INTO reconciliation (sweep_id, started_at, finished_at, invoices_scanned,"
                + " dunnings_started, dunnings_checked, dunnings_ended, errors)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (sweep_id) DO UPDATE SET finished_at = excluded.finished_at,"
                + " invoices_scanned = excluded.invoices_scanned,"
                + " dunnings_started = excluded.dunnings_started,"
                + " dunnings_checked = excluded.dunnings_checked,"
                + " dunnings_ended = excluded.dunnings_ended, errors = excluded.errors"
                + " WHERE reconciliation.finished_at IS NULL",
            summary.sweepId(),
            Timestamp.from(summary.startedAt()),
            Timestamp.from(summary.finishedAt()),
            summary.invoicesScanned(),
            summary.dunningsStarted(),
            summary.dunningsChecked(),
            summary.dunningsEnded(),
            summary.errors())
        == 1;
  }

  /** Whether our records hold a dunning of the invoice, running or ended. */
  boolean hasDunning(String provider, String invoiceId) {
    Boolean found =
        jdbc.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM failed_invoice WHERE provider = ? AND invoice_id = ?)",
            Boolean.class,
            provider,
            invoiceId);
    return Boolean.TRUE.equals(found);
  }

  /**
   * The dunnings in their schedule (active or paused), in dunning id order after {@code after}.
   * Expired dunnings waiting out their restore window are left to the paid webhook and markPaid.
   */
  List<OpenDunning> openDunnings(String after, int limit) {
    return jdbc.query(
        "SELECT dunning_id, provider, invoice_id FROM failed_invoice"
            + " WHERE ended_at IS NULL AND status IN ('ACTIVE', 'PAUSED') AND dunning_id > ?"
            + " ORDER BY dunning_id LIMIT ?",
        (row, i) ->
            new OpenDunning(
                row.getString("dunning_id"),
                row.getString("provider"),
                row.getString("invoice_id")),
        after == null ? "" : after,
        limit);
  }

  record OpenDunning(String dunningId, String provider, String invoiceId) {}
}
