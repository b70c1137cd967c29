package com.example.dunning.workflows.conversation;

import java.util.List;

/**
 * What the coordinator's {@code state} query answers: the notices reserved within the longest cap
 * window, oldest first, the deferred ones among them, and its messages, sent and to send.
 */
public record ConversationState(
    String provider,
    String customerId,
    MessageCaps caps,
    List<ReservedNotice> reserved,
    List<QueuedMessage> messages) {

  public List<ReservedNotice> deferred() {
    return reserved.stream().filter(ReservedNotice::deferred).toList();
  }
}
