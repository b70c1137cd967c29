package com.example.dunning.activities.notification;

/** How a notice reaches the customer; the name is stored with the claim and titles the log line. */
enum Channel {
  EMAIL,
  SMS;

  String sentTitle() {
    return name() + " SENT";
  }

  String notSentTitle() {
    return name() + " NOT SENT";
  }
}
