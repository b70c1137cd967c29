package com.example.dunning.api.dashboard;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The notices a dunning sent, with what each said, as the worker kept them with their keys. */
@Component
public class SentNotices {

  /**
   * @param subject null for an SMS
   * @param body the email's text part, or the SMS
   * @param locale the tag it was written in; null for notices sent before the text was kept
   */
  public record SentNotice(
      String noticeKey,
      String channel,
      String kind,
      String recipient,
      Instant sentAt,
      String subject,
      String body,
      String locale) {}

  private final JdbcClient jdbc;

  SentNotices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<SentNotice> of(String dunningId) {
    return jdbc.sql(
            "SELECT notice_key, channel, kind, recipient, sent_at, subject, body, locale"
                + " FROM notification WHERE dunning_id = :id AND state = 'SENT'"
                + " ORDER BY sent_at, notice_key")
        .param("id", dunningId)
        .query(
            (row, n) ->
                new SentNotice(
                    row.getString("notice_key"),
                    row.getString("channel"),
                    row.getString("kind"),
                    row.getString("recipient"),
                    row.getTimestamp("sent_at").toInstant(),
                    row.getString("subject"),
                    row.getString("body"),
                    row.getString("locale")))
        .list();
  }
}
