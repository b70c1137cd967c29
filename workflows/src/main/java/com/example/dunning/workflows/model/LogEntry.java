package com.example.dunning.workflows.model;

import java.time.Instant;

/**
 * One step of a dunning as it is recorded and shown, after the {@code logs} of the failed-payment
 * details API. Its JSON, its histories and the database keep the words: {@code "title":"PAYMENT
 * FAILED"}, {@code "status":"SUCCESS"}.
 *
 * @param status null only in entries recorded before every entry had one, read as {@code SUCCESS}
 */
public record LogEntry(
    Instant at,
    LogTitle title,
    String note,
    EntryStatus status,
    String sentTo,
    String paymentMethod) {

  /** A step that went as it should. */
  public static LogEntry of(Instant at, LogTitle title, String note) {
    return new LogEntry(at, title, note, EntryStatus.SUCCESS, null, null);
  }

  /** A failed payment or charge, with the payment method it was made with. */
  public static LogEntry failure(Instant at, LogTitle title, String note, String paymentMethod) {
    return new LogEntry(at, title, note, EntryStatus.FAILED, null, paymentMethod);
  }
}
