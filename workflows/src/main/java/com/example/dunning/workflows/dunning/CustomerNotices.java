package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.NotificationActivities.Delivery;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningStep;
import com.example.dunning.workflows.policy.NoticeKind;
import com.example.dunning.workflows.policy.StepAction;
import io.temporal.workflow.Workflow;
import java.time.Instant;

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
      log("EMAIL", notifications.sendEmail(notice(step.name() + ":email", kind, payment)));
    }
    if (step.does(StepAction.SMS)) {
      log("SMS", notifications.sendSms(notice(step.name() + ":sms", kind, payment)));
    }
  }

  /** An email outside the schedule, e.g. the recovery; {@code key} names it within the dunning. */
  void email(NoticeKind kind, String key, PaymentDetails payment) {
    log("EMAIL", notifications.sendEmail(notice(key + ":email", kind, payment)));
  }

  private Notice notice(String key, NoticeKind kind, PaymentDetails payment) {
    return new Notice(dunningId, dunningId + ":" + key, kind, payment);
  }

  private void log(String channel, Delivery delivery) {
    String title = channel + (delivery.sent() ? " SENT" : " NOT SENT");
    String state = delivery.sent() ? "SUCCESS" : "SKIPPED";
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    journal.add(new LogEntry(now, title, delivery.note(), state, delivery.sentTo(), null));
  }
}
