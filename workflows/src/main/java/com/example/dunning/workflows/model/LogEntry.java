package com.example.dunning.workflows.model;

import java.time.Instant;

/**
 * One step of a dunning as it is recorded and shown, after the {@code logs} of the failed-payment
 * details API. The title and status are kept as their words, as recorded in histories and in the
 * database; code writes them from {@link LogTitle} and {@link EntryStatus}.
 *
 * @param title a {@link LogTitle#text()}, e.g. {@code PAYMENT FAILED}
 * @param status an {@link EntryStatus} name: {@code SUCCESS}, {@code FAILED} or {@code SKIPPED}
 */
public record LogEntry(
    Instant at, String title, String note, String status, String sentTo, String paymentMethod) {

  public LogEntry(
      Instant at,
      LogTitle title,
      String note,
      EntryStatus status,
      String sentTo,
      String paymentMethod) {
    this(at, title.text(), note, status.name(), sentTo, paymentMethod);
  }

  /** A step that went as it should. */
  public static LogEntry of(Instant at, LogTitle title, String note) {
    return new LogEntry(at, title, note, EntryStatus.SUCCESS, null, null);
  }

  /** A failed payment or charge, with the payment method it was made with. */
  public static LogEntry failure(Instant at, LogTitle title, String note, String paymentMethod) {
    return new LogEntry(at, title, note, EntryStatus.FAILED, null, paymentMethod);
  }

  public boolean is(LogTitle expected) {
    return expected.text().equals(title);
  }
}
