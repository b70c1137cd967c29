package com.example.dunning.workflows.conversation;

import java.util.List;

/**
 * The coordinator's input, and what it carries across continue-as-new.
 *
 * @param reserved the notices reserved within the longest cap window, oldest first
 * @param requestsPerRun how many requests one run serves before it continues as new
 * @param merging null for the defaults (runs recorded before messages were merged)
 * @param messages the coordinator's messages not yet sent, and those sent within the longest window
 */
public record ConversationRun(
    String provider,
    String customerId,
    MessageCaps caps,
    List<ReservedNotice> reserved,
    int requestsPerRun,
    MessageMerging merging,
    List<QueuedMessage> messages) {

  static final int REQUESTS_PER_RUN = 500;

  public ConversationRun(
      String provider,
      String customerId,
      MessageCaps caps,
      List<ReservedNotice> reserved,
      int requestsPerRun) {
    this(provider, customerId, caps, reserved, requestsPerRun, null, List.of());
  }

  /** A customer heard of for the first time, with the default caps. */
  public static ConversationRun first(String provider, String customerId) {
    return new ConversationRun(
        provider, customerId, MessageCaps.defaults(), List.of(), REQUESTS_PER_RUN);
  }
}
