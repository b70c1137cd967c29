package com.example.dunning.activities.subscription;

import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.LogTitle;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A dunning's package expiry ({@code package_expiry}, {@code failed_invoice.package_expiry_date})
 * given back once, with its {@code PACKAGE RESTORED} line: in the caller's transaction, so the row
 * and the line go together.
 */
public final class PackageExpiries {

  private final JdbcTemplate jdbc;
  private final PackageLog log;

  public PackageExpiries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.log = new PackageLog(jdbc);
  }

  /** Restores the dunning's expiry if it is not restored yet; false when there was none to. */
  public boolean restore(String dunningId, String note, Timestamp at) {
    int restored =
        jdbc.update(
            "UPDATE package_expiry SET restored_at = ? WHERE dunning_id = ? AND restored_at IS NULL",
            at,
            dunningId);
    if (restored == 0) {
      return false;
    }
    jdbc.update(
        "UPDATE failed_invoice SET package_expiry_date = NULL, updated_at = now() WHERE dunning_id = ?",
        dunningId);
    log.write(
        dunningId + ":restored",
        dunningId,
        LogTitle.PACKAGE_RESTORED,
        EntryStatus.SUCCESS,
        note,
        at);
    return true;
  }
}
