package com.example.dunning.workflows.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The coordinator's messages, to send and sent, and the rules that put a dunning's notice in one:
 * pure, so the workflow only asks and records.
 */
final class CustomerMessages {

  private final String coordinatorId;
  private MessageMerging merging;
  private final List<QueuedMessage> messages;

  /** The message whose send is running: no notice joins it any more. */
  private String sending;

  CustomerMessages(String coordinatorId, MessageMerging merging, List<QueuedMessage> carried) {
    this.coordinatorId = coordinatorId;
    this.merging = merging;
    this.messages = new ArrayList<>(carried);
  }

  MessageMerging merging() {
    return merging;
  }

  /** New rules, for the messages opened from now on and the notices asked from now on. */
  void merging(MessageMerging merging) {
    this.merging = merging;
  }

  List<QueuedMessage> all() {
    return List.copyOf(messages);
  }

  /** The answer given before to a notice key: the same key, the same message. */
  NoticeSlot slotOf(String noticeKey) {
    for (QueuedMessage message : messages) {
      if (message.carries(noticeKey)) {
        return message.slot();
      }
    }
    return null;
  }

  /**
   * A message sent on the channel within the merge window that listed the notice's invoice, in
   * words at least as strong: the customer has been told, and the notice is not sent again.
   */
  QueuedMessage toldOf(MessageNotice notice, Channel channel, Instant now) {
    Instant since = now.minus(merging.window());
    QueuedMessage told = null;
    for (QueuedMessage message : messages) {
      if (message.done()
          && message.channel() == channel
          && !message.sentAt().isBefore(since)
          && message.listed().contains(notice.dunningId())
          && message.kind().compareTo(notice.kind()) >= 0) {
        told = message;
      }
    }
    return told;
  }

  /** The message on the channel still gathering notices (not sent, not being sent), or null. */
  QueuedMessage gathering(Channel channel) {
    for (QueuedMessage message : messages) {
      if (!message.done() && message.channel() == channel && !message.key().equals(sending)) {
        return message;
      }
    }
    return null;
  }

  QueuedMessage join(QueuedMessage message, MessageNotice notice) {
    QueuedMessage joined = message.with(notice);
    messages.set(messages.indexOf(message), joined);
    return joined;
  }

  /** A new message for a notice, keyed by it: {@code <coordinator id>:message:<notice key>}. */
  QueuedMessage open(Channel channel, MessageNotice notice, Instant sendAt, String deferredBy) {
    QueuedMessage message =
        QueuedMessage.first(
            coordinatorId + ":message:" + notice.noticeKey(), channel, notice, sendAt, deferredBy);
    messages.add(message);
    return message;
  }

  /** The earliest moment a message is to go out, or null when none waits. */
  Instant nextDue() {
    Instant next = null;
    for (QueuedMessage message : messages) {
      if (!message.done()
          && !message.key().equals(sending)
          && (next == null || message.sendAt().isBefore(next))) {
        next = message.sendAt();
      }
    }
    return next;
  }

  /** The earliest message due at {@code now}, or null. */
  QueuedMessage due(Instant now) {
    QueuedMessage due = null;
    for (QueuedMessage message : messages) {
      if (!message.done()
          && !message.key().equals(sending)
          && !message.sendAt().isAfter(now)
          && (due == null || message.sendAt().isBefore(due.sendAt()))) {
        due = message;
      }
    }
    return due;
  }

  void sending(QueuedMessage message) {
    sending = message.key();
  }

  void sent(String key, Instant at, MessageDelivery delivery) {
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).key().equals(key)) {
        messages.set(i, messages.get(i).sent(at, delivery));
      }
    }
    sending = null;
  }

  /** Forgets the messages sent before {@code horizon}; those still to send stay. */
  void prune(Instant horizon) {
    messages.removeIf(message -> message.done() && message.sentAt().isBefore(horizon));
  }
}
