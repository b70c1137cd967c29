package com.example.dunning.workflows.dunning;

import static com.example.dunning.workflows.model.LogTitle.EMAIL_NOT_SENT;
import static com.example.dunning.workflows.model.LogTitle.EMAIL_SENT;
import static com.example.dunning.workflows.model.LogTitle.SMS_NOT_SENT;
import static com.example.dunning.workflows.model.LogTitle.SMS_SENT;

import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.NotificationActivities.Delivery;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.conversation.Channel;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningStep;
import com.example.dunning.workflows.policy.NoticeKind;
import com.example.dunning.workflows.policy.StepAction;
import java.util.Locale;

/**
 * Sends a step's email and SMS and notes each delivery in the dunning's log. Each notice's key is
 * the dunning id and the step, so the notification activity can send it at most once.
 */
final class CustomerNotices {

  private final NotificationActivities notifications;
  private final String dunningId;
  private final DunningJournal journal;

  CustomerNotices(String dunningId, DunningJournal journal, NotificationActivities notifications) {
    this.dunningId = dunningId;
    this.journal = journal;
    this.notifications = notifications;
  }

  /** The channels the step names, with the message {@code kind}. */
  void send(DunningStep step, NoticeKind kind, PaymentDetails payment) {
    if (step.does(StepAction.EMAIL)) {
      email(kind, step.name(), payment);
    }
    if (step.does(StepAction.SMS)) {
      sms(kind, step.name(), payment);
    }
  }

  /** The step's notice on one {@code channel}. */
  void send(Channel channel, DunningStep step, NoticeKind kind, PaymentDetails payment) {
    if (channel == Channel.EMAIL) {
      email(kind, step.name(), payment);
    } else {
      sms(kind, step.name(), payment);
    }
  }

  /** {@code <dunning id>:<step>:email} or {@code :sms}: what keeps the notice single. */
  static String key(String dunningId, String name, Channel channel) {
    return dunningId + ":" + name + ":" + channel.name().toLowerCase(Locale.ROOT);
  }

  private void sms(NoticeKind kind, String name, PaymentDetails payment) {
    log(SMS_SENT, SMS_NOT_SENT, notifications.sendSms(notice(name, Channel.SMS, kind, payment)));
  }

  /** An email outside the schedule, e.g. the recovery; {@code key} names it within the dunning. */
  void email(NoticeKind kind, String key, PaymentDetails payment) {
    log(
        EMAIL_SENT,
        EMAIL_NOT_SENT,
        notifications.sendEmail(notice(key, Channel.EMAIL, kind, payment)));
  }

  private Notice notice(String name, Channel channel, NoticeKind kind, PaymentDetails payment) {
    return new Notice(dunningId, key(dunningId, name, channel), kind, payment);
  }

  private void log(LogTitle sent, LogTitle notSent, Delivery delivery) {
    journal.add(
        new LogEntry(
            DunningHandlers.now(),
            delivery.sent() ? sent : notSent,
            delivery.note(),
            delivery.sent() ? EntryStatus.SUCCESS : EntryStatus.SKIPPED,
            delivery.sentTo(),
            null));
  }
}
