package com.example.dunning.activities.notification;

import com.example.dunning.workflows.model.LogTitle;

/** How a notice reaches the customer; the name is stored with the claim and titles the log line. */
enum Channel {
  EMAIL(LogTitle.EMAIL_SENT, LogTitle.EMAIL_NOT_SENT),
  SMS(LogTitle.SMS_SENT, LogTitle.SMS_NOT_SENT);

  private final LogTitle sent;
  private final LogTitle notSent;

  Channel(LogTitle sent, LogTitle notSent) {
    this.sent = sent;
    this.notSent = notSent;
  }

  LogTitle sentTitle() {
    return sent;
  }

  LogTitle notSentTitle() {
    return notSent;
  }
}
