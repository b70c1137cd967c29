package com.example.dunning.workflows.conversation;

import java.time.Duration;

/**
 * How the coordinator merges notices into one message.
 *
 * @param hold how long a message waits after its first notice for the customer's other notices to
 *     join it (invoices of one billing run fail within minutes of each other)
 * @param window how long after a message a notice of an invoice it listed, in no stronger wording,
 *     counts as told and is not sent again
 */
public record MessageMerging(Duration hold, Duration window) {

  /**
   * @throws IllegalArgumentException for a negative or missing duration
   */
  public void check() {
    if (hold == null || hold.isNegative() || window == null || window.isNegative()) {
      throw new IllegalArgumentException(
          "the merge hold and window must be zero or more: " + hold + ", " + window);
    }
  }

  /** Held an hour; told for a day. */
  public static MessageMerging defaults() {
    return new MessageMerging(Duration.ofHours(1), Duration.ofDays(1));
  }
}
