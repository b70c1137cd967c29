package com.example.dunning.workflows.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The title of an entry in a dunning's log. The log, its JSON and the database keep the words
 * ({@link #text()}: {@code PAYMENT FAILED}, {@code EMAIL SENT}…), which the seed APIs serve as they
 * are.
 */
public enum LogTitle {
  PAYMENT_FAILED,
  RETRY_FAILED,
  RETRY_SUCCEEDED,
  EMAIL_SENT,
  EMAIL_NOT_SENT,
  SMS_SENT,
  SMS_NOT_SENT,
  PAYMENT_METHOD_UPDATED,
  PAUSED,
  RESUMED,
  PACKAGE_EXPIRED,
  PACKAGE_RESTORED,
  PAID,
  CANCELLED,
  ENDED,
  /** A notice held back by a customer's message cap, with the cap and the moment it goes out. */
  DEFERRED;

  /** The title as the log, its JSON and the database hold it, e.g. {@code PAYMENT FAILED}. */
  @JsonValue
  public String text() {
    return name().replace('_', ' ');
  }

  /**
   * The title of {@code text}, as histories, JSON and the database hold it.
   *
   * @throws IllegalArgumentException for a word that is no title: the database refuses such words
   *     (migration V7), so one here means the enum lost a word that rows still hold
   */
  @JsonCreator
  public static LogTitle of(String text) {
    for (LogTitle title : values()) {
      if (title.text().equals(text)) {
        return title;
      }
    }
    throw new IllegalArgumentException("No log title reads \"" + text + "\"");
  }
}
