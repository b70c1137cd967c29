package com.example.dunning.activities.notification;

import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claims on notice keys (table {@code notification}) and the dunning's log lines they leave
 * (table {@code dunning_log}). A key is claimed before its message goes out, so a retried activity
 * finds it and sends nothing twice.
 */
@Component
public class NoticeLedger {

  /** What claiming a notice's key found. */
  enum Claim {
    /** The key is ours now: send. */
    CLAIMED,
    /** Sent before under this key. */
    SENT,
    /** An earlier attempt claimed the key and never finished: it may or may not have sent. */
    IN_DOUBT
  }

  record ClaimResult(Claim claim, String recipient) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public NoticeLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  ClaimResult claim(Notice notice, Channel channel, String recipient) {
    int inserted =
        jdbc.update(
            "INSERT INTO notification (notice_key, dunning_id, channel, kind, recipient, state)"
                + " VALUES (?, ?, ?, ?, ?, 'CLAIMED') ON CONFLICT (notice_key) DO NOTHING",
            notice.key(),
            notice.dunningId(),
            channel.name(),
            notice.kind().name(),
            recipient);
    if (inserted == 1) {
      return new ClaimResult(Claim.CLAIMED, recipient);
    }
    List<ClaimResult> found =
        jdbc.query(
            "SELECT state, recipient FROM notification WHERE notice_key = ?",
            (row, n) ->
                new ClaimResult(
                    "SENT".equals(row.getString("state")) ? Claim.SENT : Claim.IN_DOUBT,
                    row.getString("recipient")),
            notice.key());
    if (found.isEmpty()) {
      // Released by a failing attempt between our insert and select: let Temporal retry.
      throw new IllegalStateException("notice " + notice.key() + " claimed and released meanwhile");
    }
    return found.get(0);
  }

  /** Gives the key back after a send that failed, so the next attempt can send. */
  void release(String noticeKey) {
    jdbc.update("DELETE FROM notification WHERE notice_key = ? AND state = 'CLAIMED'", noticeKey);
  }

  /** Marks the key sent and logs the send with the dunning, both or neither. */
  void markSent(Notice notice, String recipient, String title, String note) {
    transaction.executeWithoutResult(
        status -> {
          jdbc.update(
              "UPDATE notification SET state = 'SENT', sent_at = now(), recipient = ?"
                  + " WHERE notice_key = ?",
              recipient,
              notice.key());
          log(notice, title, note, "SUCCESS", recipient);
        });
  }

  /** Logs a notice that was not sent; once per key, however often the activity runs. */
  void logSkipped(Notice notice, String title, String note, String recipient) {
    log(notice, title, note, "SKIPPED", recipient);
  }

  private void log(Notice notice, String title, String note, String status, String sentTo) {
    jdbc.update(
        "INSERT INTO dunning_log (record_key, dunning_id, title, logged_at, note, status, sent_to)"
            + " VALUES (?, ?, ?, now(), ?, ?, ?) ON CONFLICT (record_key) DO NOTHING",
        notice.key(),
        notice.dunningId(),
        title,
        note,
        status,
        sentTo);
  }
}
