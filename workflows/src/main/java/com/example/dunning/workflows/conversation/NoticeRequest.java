package com.example.dunning.workflows.conversation;

import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;
import com.example.dunning.workflows.policy.QuietHours;

/**
 * A dunning asking when it may send a notice, or asking the coordinator to send it.
 *
 * @param key unique per dunning, step and channel: the notice's own key, so that asking again (a
 *     retried activity, a dunning continued as new) gets the same answer
 * @param quietHours the dunning's quiet hours, or null for none
 * @param timeZone the customer's IANA zone, or null where unknown (then no quiet hours apply)
 * @param kind the notice's wording; null from dunnings that send their notices themselves
 * @param payment the invoice as the dunning sees it, for the coordinator's message; null from
 *     dunnings that send their notices themselves
 * @param coordinatorSends the coordinator sends the notice, merged with the customer's others
 *     ({@link NoticeSlot#messageKey()}); false from dunnings that send it themselves at the moment
 *     answered (dunnings opened before the coordinator sent)
 * @param caps the caps the worker is configured with, which the coordinator takes from this request
 *     on; null to keep its own
 * @param merging the merge hold and window the worker is configured with, likewise; null to keep
 */
public record NoticeRequest(
    String dunningId,
    String key,
    Channel channel,
    QuietHours quietHours,
    String timeZone,
    NoticeKind kind,
    PaymentDetails payment,
    boolean coordinatorSends,
    MessageCaps caps,
    MessageMerging merging) {

  /** A notice the dunning sends itself, at the moment the coordinator answers. */
  public NoticeRequest(
      String dunningId, String key, Channel channel, QuietHours quietHours, String timeZone) {
    this(dunningId, key, channel, quietHours, timeZone, null, null, false, null, null);
  }

  /** A notice as the dunning asks it: the coordinator's rules are the worker's to add. */
  public NoticeRequest(
      String dunningId,
      String key,
      Channel channel,
      QuietHours quietHours,
      String timeZone,
      NoticeKind kind,
      PaymentDetails payment,
      boolean coordinatorSends) {
    this(
        dunningId, key, channel, quietHours, timeZone, kind, payment, coordinatorSends, null, null);
  }

  /** The same request with the worker's configured caps and merging. */
  public NoticeRequest withRules(MessageCaps caps, MessageMerging merging) {
    return new NoticeRequest(
        dunningId,
        key,
        channel,
        quietHours,
        timeZone,
        kind,
        payment,
        coordinatorSends,
        caps,
        merging);
  }
}
