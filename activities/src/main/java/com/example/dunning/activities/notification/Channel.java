package com.example.dunning.activities.notification;

import com.example.dunning.workflows.model.LogTitle;

/** How a notice reaches the customer; the name is stored with the claim and titles the log line. */
public enum Channel {
  EMAIL(LogTitle.EMAIL_SENT, LogTitle.EMAIL_NOT_SENT),
  SMS(LogTitle.SMS_SENT, LogTitle.SMS_NOT_SENT);

  private final LogTitle sent;
  private final LogTitle notSent;

  Channel(LogTitle sent, LogTitle notSent) {
    this.sent = sent;
    this.notSent = notSent;
  }

  public LogTitle sentTitle() {
    return sent;
  }

  public LogTitle notSentTitle() {
    return notSent;
  }
}
