package com.example.dunning.workflows.model;

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

  /** The title as the log shows and the database stores it, e.g. {@code PAYMENT FAILED}. */
  public String text() {
    return name().replace('_', ' ');
  }
}
