package com.example.dunning.workflows.model;

import java.time.Instant;

/**
 * One step of a dunning as it is recorded and shown, after the {@code logs} of the failed-payment
 * details API: {@code PAYMENT FAILED}, {@code EMAIL SENT}, {@code SMS SENT}, {@code RETRY FAILED},
 * {@code PACKAGE EXPIRED}, {@code PAID}, {@code CANCELLED}…
 *
 * @param status {@code SUCCESS}, {@code FAILED} or {@code SKIPPED}
 */
public record LogEntry(
    Instant at, String title, String note, String status, String sentTo, String paymentMethod) {

  public static LogEntry of(Instant at, String title, String note) {
    return new LogEntry(at, title, note, "SUCCESS", null, null);
  }
}
