package com.example.dunning.activities.subscription;

import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.LogTitle;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

/** The package's lines in {@code dunning_log}, each keyed, so a retried activity writes it once. */
public final class PackageLog {

  private final JdbcTemplate jdbc;

  public PackageLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void write(
      String key, String dunningId, LogTitle title, EntryStatus status, String note, Timestamp at) {
    jdbc.update(
        """
        INSERT INTO dunning_log (record_key, dunning_id, title, logged_at, note, status)
        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (record_key) DO NOTHING
        """,
        key,
        dunningId,
        title.text(),
        at,
        note,
        status.name());
  }
}
