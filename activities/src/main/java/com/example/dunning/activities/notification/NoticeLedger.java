package com.example.dunning.activities.notification;

import com.example.dunning.activities.events.EventOutbox;
import com.example.dunning.activities.events.EventType;
import com.example.dunning.activities.events.OutboundEvent;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.policy.NoticeKind;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claims on notice keys (table {@code notification}) and the dunning's log lines they leave
 * (table {@code dunning_log}). A key is claimed before its message goes out and marked sent after,
 * so a retried activity finds it and sends nothing twice.
 *
 * <p>A claim never marked sent is in doubt: its attempt died mid-send (a worker killed) or is still
 * sending. Once the claim is older than the longest a send can last (the client's timeouts plus a
 * margin) its attempt can no longer be sending, and one retry takes the claim over, atomically, and
 * sends again under the same key (the same {@code Message-ID}, the same SMS idempotency key); a
 * younger claim is left alone and the retry waits until it is old enough. Timestamps are
 * PostgreSQL's, so workers' clocks do not matter.
 *
 * <p>What remains is a duplicate when an attempt dies after the server accepted the message (the
 * SMTP server's 250 after {@code DATA}, Twilio's 201) and before the key was marked sent, a window
 * of milliseconds; the copy carries the same {@code Message-ID}, so a receiver that deduplicates by
 * it drops it.
 */
@Component
public class NoticeLedger {

  /** What claiming a notice's key found. */
  public enum Claim {
    /** The key is ours now: send. */
    CLAIMED,
    /** An earlier attempt claimed the key long enough ago that it cannot still be sending: send. */
    TAKEN_OVER,
    /** Sent before under this key. */
    SENT,
    /** An earlier attempt claimed the key recently and may still be sending: wait, then retry. */
    IN_DOUBT
  }

  /**
   * @param claimedAt when the key was claimed, this attempt's hold on it (for {@link #release})
   * @param retryIn for {@link Claim#IN_DOUBT}, how long until the claim can be taken over
   */
  public record ClaimResult(
      Claim claim, String recipient, OffsetDateTime claimedAt, Duration retryIn) {}

  /** The type of the retryable failure of an attempt that finds its key still being sent. */
  public static final String IN_DOUBT_TYPE = "NoticeInDoubt";

  /**
   * What the log says after a channel and a key when an attempt takes a claim over; the reliability
   * suite reads it from the workers' logs to tell an allowed copy from a double send.
   */
  public static final String TAKEN_OVER_LOG =
      "an earlier attempt claimed it and did not finish; sending it again under the same key";

  private static final Logger log = LoggerFactory.getLogger(NoticeLedger.class);

  /** A key's state in {@code notification.state}, as the SQL here writes it. */
  private enum KeyState {
    CLAIMED,
    SENT
  }

  private record Found(
      KeyState state, String recipient, OffsetDateTime claimedAt, long waitMillis) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final EventOutbox events;

  /** A ledger without outbound events. */
  public NoticeLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this(jdbc, transactions, EventOutbox.off());
  }

  @Autowired
  public NoticeLedger(
      JdbcTemplate jdbc, PlatformTransactionManager transactions, EventOutbox events) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.events = events;
  }

  /**
   * Sends under {@code key} at most once: claims it, runs {@code send}, and gives the key back when
   * the send fails; the caller marks it sent. Answers {@link Claim#SENT} when an earlier attempt
   * sent it (nothing is run), else {@link Claim#CLAIMED} or {@link Claim#TAKEN_OVER} once sent.
   *
   * @throws ApplicationFailure of type {@link #IN_DOUBT_TYPE}, to retry after the delay in which an
   *     earlier attempt's claim can be taken over
   */
  public ClaimResult sendOnce(
      String key,
      String dunningId,
      NoticeKind kind,
      Channel channel,
      String to,
      Duration abandonedAfter,
      Runnable send) {
    ClaimResult found = claim(key, dunningId, kind, channel, to, abandonedAfter);
    switch (found.claim()) {
      case SENT -> {
        return found;
      }
      case IN_DOUBT -> {
        log.info(
            "{} for {}: an earlier attempt claimed it {} ago and may still be sending;"
                + " trying again in {}",
            channel,
            key,
            abandonedAfter.minus(found.retryIn()),
            found.retryIn());
        throw ApplicationFailure.newFailureWithCauseAndDelay(
            channel
                + " for "
                + key
                + " may still be being sent by an earlier attempt; it can be taken over in "
                + found.retryIn(),
            IN_DOUBT_TYPE,
            null,
            found.retryIn());
      }
      case TAKEN_OVER -> log.warn("{} for {}: {}", channel, key, TAKEN_OVER_LOG);
      case CLAIMED -> {
        // Ours: send below.
      }
    }
    try {
      send.run();
    } catch (RuntimeException e) {
      release(key, found.claimedAt());
      throw e;
    }
    return found;
  }

  /**
   * Claims the notice's key, or takes over a claim older than {@code longestSend}: the one attempt
   * that gets {@link Claim#CLAIMED} or {@link Claim#TAKEN_OVER} sends.
   */
  ClaimResult claim(Notice notice, Channel channel, String recipient, Duration longestSend) {
    return claim(notice.key(), notice.dunningId(), notice.kind(), channel, recipient, longestSend);
  }

  /**
   * Claims a key as {@link #claim(Notice, Channel, String, Duration)} does, for a message that is
   * not one dunning's notice (the customer's coordinator's): the row names the dunning it is filed
   * under.
   */
  public ClaimResult claim(
      String key,
      String dunningId,
      NoticeKind kind,
      Channel channel,
      String recipient,
      Duration longestSend) {
    List<OffsetDateTime> inserted =
        jdbc.queryForList(
            "INSERT INTO notification (notice_key, dunning_id, channel, kind, recipient, state)"
                + " VALUES (?, ?, ?, ?, ?, 'CLAIMED') ON CONFLICT (notice_key) DO NOTHING"
                + " RETURNING claimed_at",
            OffsetDateTime.class,
            key,
            dunningId,
            channel.name(),
            kind.name(),
            recipient);
    if (!inserted.isEmpty()) {
      return new ClaimResult(Claim.CLAIMED, recipient, inserted.get(0), Duration.ZERO);
    }
    Found found = find(key, longestSend);
    if (found.waitMillis() == 0 && found.state() == KeyState.CLAIMED) {
      // Only one retry can move claimed_at on: a concurrent one waits for our row lock and then
      // finds the claim young again.
      List<OffsetDateTime> taken =
          jdbc.queryForList(
              "UPDATE notification SET claimed_at = clock_timestamp()"
                  + " WHERE notice_key = ? AND state = 'CLAIMED'"
                  + " AND claimed_at <= clock_timestamp() - ? * interval '1 millisecond'"
                  + " RETURNING claimed_at",
              OffsetDateTime.class,
              key,
              longestSend.toMillis());
      if (!taken.isEmpty()) {
        return new ClaimResult(Claim.TAKEN_OVER, found.recipient(), taken.get(0), Duration.ZERO);
      }
      found = find(key, longestSend);
    }
    if (found.state() == KeyState.SENT) {
      return new ClaimResult(Claim.SENT, found.recipient(), found.claimedAt(), Duration.ZERO);
    }
    return new ClaimResult(
        Claim.IN_DOUBT,
        found.recipient(),
        found.claimedAt(),
        Duration.ofMillis(Math.max(1, found.waitMillis())));
  }

  private Found find(String noticeKey, Duration longestSend) {
    List<Found> found =
        jdbc.query(
            "SELECT state, recipient, claimed_at, GREATEST(0, ceil(extract(epoch FROM claimed_at"
                + " + ? * interval '1 millisecond' - clock_timestamp()) * 1000))::bigint AS wait"
                + " FROM notification WHERE notice_key = ?",
            (row, n) ->
                new Found(
                    KeyState.valueOf(row.getString("state")),
                    row.getString("recipient"),
                    row.getObject("claimed_at", OffsetDateTime.class),
                    row.getLong("wait")),
            longestSend.toMillis(),
            noticeKey);
    if (found.isEmpty()) {
      // Released by a failing attempt between our insert and select: let Temporal retry.
      throw new IllegalStateException("notice " + noticeKey + " claimed and released meanwhile");
    }
    return found.get(0);
  }

  /**
   * Gives the key back after a send that failed, so the next attempt can send; not when another
   * attempt has taken the claim over since ({@code claimedAt} is this attempt's).
   */
  public void release(String noticeKey, OffsetDateTime claimedAt) {
    jdbc.update(
        "DELETE FROM notification WHERE notice_key = ? AND state = 'CLAIMED' AND claimed_at = ?",
        noticeKey,
        claimedAt);
  }

  /**
   * Marks the key sent with what it said, and logs the send with the dunning, with its {@code
   * dunning.notice_sent} event: all or nothing.
   */
  void markSent(Notice notice, Channel channel, String recipient, String note, SentText sent) {
    markSent(notice.key(), List.of(notice), channel, recipient, note, sent);
  }

  /**
   * Marks a message's key sent with what it said, and logs it with each notice it carried, under
   * the notice's own key, with that notice's {@code dunning.notice_sent} event: all or nothing.
   */
  public void markSent(
      String key,
      List<Notice> carried,
      Channel channel,
      String recipient,
      String note,
      SentText sent) {
    LogTitle title = channel.sentTitle();
    transaction.executeWithoutResult(
        status -> {
          jdbc.update(
              "UPDATE notification SET state = 'SENT', sent_at = now(), recipient = ?,"
                  + " subject = ?, body = ?, locale = ? WHERE notice_key = ?",
              recipient,
              sent.subject(),
              sent.body(),
              sent.languageTag(),
              key);
          for (Notice notice : carried) {
            log(notice, title, note, EntryStatus.SUCCESS, recipient);
            events.add(
                new OutboundEvent(
                    notice.key(),
                    notice.dunningId(),
                    EventType.NOTICE_SENT,
                    Instant.now(),
                    OutboundEvent.data(
                        "channel", channel.name().toLowerCase(Locale.ROOT),
                        "notice", notice.kind().name(),
                        "recipient", recipient)));
          }
        });
  }

  /**
   * The recipient a key was sent to ({@code ""} when none was recorded), or empty when it was not
   * sent (yet).
   */
  public Optional<String> sentTo(String key) {
    List<String> recipients =
        jdbc.query(
            "SELECT COALESCE(recipient, '') FROM notification"
                + " WHERE notice_key = ? AND state = 'SENT'",
            (row, n) -> row.getString(1),
            key);
    return recipients.stream().findFirst();
  }

  /** Logs a notice that was not sent; once per key, however often the activity runs. */
  public void logSkipped(Notice notice, LogTitle title, String note, String recipient) {
    log(notice, title, note, EntryStatus.SKIPPED, recipient);
  }

  private void log(Notice notice, LogTitle title, String note, EntryStatus status, String sentTo) {
    jdbc.update(
        "INSERT INTO dunning_log (record_key, dunning_id, title, logged_at, note, status, sent_to)"
            + " VALUES (?, ?, ?, now(), ?, ?, ?) ON CONFLICT (record_key) DO NOTHING",
        notice.key(),
        notice.dunningId(),
        title.text(),
        note,
        status.name(),
        sentTo);
  }
}
