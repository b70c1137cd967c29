package com.example.dunning.workflows.activities;

import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;
import io.temporal.activity.ActivityInterface;

/**
 * Messages to the customer. Each notice has a key made by the workflow; a key is claimed in
 * PostgreSQL before the message goes out, so a retried activity never sends it twice. The send is
 * logged with the dunning in the same transaction that marks the key sent.
 */
@ActivityInterface
public interface NotificationActivities {

  Delivery sendEmail(Notice notice);

  Delivery sendSms(Notice notice);

  /**
   * @param key unique per dunning, step and channel, e.g. {@code dunning-stripe-in_1:reminder-1}
   */
  record Notice(String dunningId, String key, NoticeKind kind, PaymentDetails payment) {}

  /**
   * @param sent true when the message went out, now or by an earlier attempt under the same key;
   *     false when nothing went out (no address, no SMS provider)
   * @param note why not, when not sent
   */
  record Delivery(boolean sent, String sentTo, String note) {}
}
