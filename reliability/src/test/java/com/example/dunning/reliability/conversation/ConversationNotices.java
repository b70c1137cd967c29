package com.example.dunning.reliability.conversation;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What became of notices a dunning handed to its customer's coordinator, read where the worker
 * wrote it: the line under the notice's key in the dunning's log ({@code EMAIL SENT} or {@code SMS
 * SENT}, naming the message that carried it or told of it), the {@code DEFERRED} line under {@code
 * <notice key>:deferred}, and the message's key in {@code notification}.
 */
final class ConversationNotices {

  /** A coordinator's message key as its log lines name it. */
  private static final Pattern MESSAGE_KEY =
      Pattern.compile("(dunning-customer-[^\\s,()]+:message:[^\\s,()]+)");

  /** One notice: its sent line (title, note, the message named) and its deferral, either null. */
  record Outcome(
      String noticeKey,
      String sentTitle,
      String sentNote,
      String messageKey,
      String messageState,
      String deferredNote) {

    boolean inSentMessage() {
      return sentTitle != null && messageKey != null && "SENT".equals(messageState);
    }

    boolean deferred() {
      return deferredNote != null;
    }

    /** Told in a message that listed its invoice earlier, rather than carried by the message. */
    boolean toldEarlier() {
      return sentNote != null && sentNote.startsWith("Told in one message");
    }
  }

  private final JdbcTemplate database;

  ConversationNotices(JdbcTemplate database) {
    this.database = database;
  }

  Outcome of(String noticeKey) {
    List<Map<String, Object>> sent =
        database.queryForList(
            "SELECT title, note FROM dunning_log WHERE record_key = ?", noticeKey);
    String title = sent.isEmpty() ? null : (String) sent.get(0).get("title");
    String note = sent.isEmpty() ? null : (String) sent.get(0).get("note");
    String messageKey = messageKeyIn(note);
    List<String> state =
        messageKey == null
            ? List.of()
            : database.queryForList(
                "SELECT state FROM notification WHERE notice_key = ?", String.class, messageKey);
    List<String> deferred =
        database.queryForList(
            "SELECT note FROM dunning_log WHERE record_key = ? AND title = 'DEFERRED'",
            String.class,
            noticeKey + ":deferred");
    return new Outcome(
        noticeKey,
        title,
        note,
        messageKey,
        state.isEmpty() ? null : state.get(0),
        deferred.isEmpty() ? null : deferred.get(0));
  }

  /** The coordinator's message keys in {@code notification} on {@code channel}, by state. */
  Map<String, String> messages(String coordinatorId, String channel) {
    Map<String, String> byKey = new java.util.TreeMap<>();
    database
        .queryForList(
            "SELECT notice_key, state FROM notification WHERE notice_key LIKE ? AND channel = ?",
            coordinatorId + ":message:%",
            channel)
        .forEach(row -> byKey.put((String) row.get("notice_key"), (String) row.get("state")));
    return byKey;
  }

  static String messageKeyIn(String note) {
    if (note == null) {
      return null;
    }
    Matcher key = MESSAGE_KEY.matcher(note);
    return key.find() ? key.group(1) : null;
  }

  /**
   * The {@code Message-ID} the worker's mailer gives a message sent under {@code key} (as {@code
   * NoticeMailer} makes it): the key's other characters turned into dots, at {@code dunning}.
   */
  static String messageId(String key) {
    String local = key.replaceAll("[^A-Za-z0-9_-]+", ".").replaceAll("^\\.+|\\.+$", "");
    return "<" + (local.isEmpty() ? "notice" : local) + "@dunning>";
  }
}
