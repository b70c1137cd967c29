package com.example.dunning.workflows.conversation;

import java.time.Instant;

/**
 * The coordinator's answer: when the notice may go out.
 *
 * @param deferredBy the cap that moved it later than asked, or null when it may go out as asked
 *     (after the customer's quiet hours)
 */
public record NoticeSlot(Instant sendAt, String deferredBy) {

  static NoticeSlot of(ReservedNotice notice) {
    return new NoticeSlot(notice.sendAt(), notice.deferredBy());
  }
}
