package com.example.dunning.workflows.conversation;

import com.example.dunning.workflows.policy.NoticeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A message the coordinator sends for the notices of one or more of the customer's dunnings.
 *
 * @param key {@code <coordinator id>:message:<first notice's key>}, unique without a counter
 * @param kind the strongest wording of the notices it carries
 * @param sendAt when it goes out: the first notice's moment after the merge hold, the quiet hours
 *     and the caps
 * @param deferredBy the cap that moved it later, or null
 * @param notices the notices it carries, in the order they were asked; after it went out, also the
 *     notices it had already told the customer of
 * @param sentAt when it went out (or was found to have nothing to say); null until then
 * @param sentTo the address or number it went to, once sent
 * @param listed the dunnings whose invoices it listed, once sent
 */
public record QueuedMessage(
    String key,
    Channel channel,
    NoticeKind kind,
    Instant sendAt,
    String deferredBy,
    List<MessageNotice> notices,
    Instant sentAt,
    String sentTo,
    List<String> listed) {

  static QueuedMessage first(
      String key, Channel channel, MessageNotice notice, Instant sendAt, String deferredBy) {
    return new QueuedMessage(
        key, channel, notice.kind(), sendAt, deferredBy, List.of(notice), null, null, List.of());
  }

  public boolean done() {
    return sentAt != null;
  }

  boolean carries(String noticeKey) {
    return notices.stream().anyMatch(notice -> notice.noticeKey().equals(noticeKey));
  }

  /** With one more notice; its wording wins when it is stronger. */
  QueuedMessage with(MessageNotice notice) {
    List<MessageNotice> more = new ArrayList<>(notices);
    more.add(notice);
    NoticeKind strongest = notice.kind().compareTo(kind) > 0 ? notice.kind() : kind;
    return new QueuedMessage(
        key, channel, strongest, sendAt, deferredBy, List.copyOf(more), sentAt, sentTo, listed);
  }

  QueuedMessage sent(Instant at, MessageDelivery delivery) {
    List<String> told = delivery.sent() ? List.copyOf(delivery.listed()) : List.of();
    return new QueuedMessage(
        key, channel, kind, sendAt, deferredBy, notices, at, delivery.sentTo(), told);
  }

  NoticeSlot slot() {
    return new NoticeSlot(done() ? sentAt : sendAt, deferredBy, key);
  }
}
