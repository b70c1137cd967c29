package com.example.dunning.workflows.conversation;

import java.time.Instant;

/**
 * The coordinator's answer: when the notice may go out, or in which of its messages it goes.
 *
 * @param deferredBy the cap that moved it later than asked, or null when it may go out as asked
 *     (after the customer's quiet hours)
 * @param messageKey the coordinator's message that carries the notice (sent at {@code sendAt}, or
 *     sent already then): the dunning sends nothing itself; null when the dunning sends it
 */
public record NoticeSlot(Instant sendAt, String deferredBy, String messageKey) {

  public NoticeSlot(Instant sendAt, String deferredBy) {
    this(sendAt, deferredBy, null);
  }

  static NoticeSlot of(ReservedNotice notice) {
    return new NoticeSlot(notice.sendAt(), notice.deferredBy());
  }
}
