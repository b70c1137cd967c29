package com.example.dunning.activities.notification;

import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.policy.NoticeKind;
import io.temporal.spring.boot.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Emails and texts the customer, at most once per notice key: the key is claimed before the send,
 * released when the send fails, and marked sent with its log line after it.
 */
@Component
@ActivityImpl(taskQueues = "dunning")
public class CustomerNotifications implements NotificationActivities {

  private static final Logger log = LoggerFactory.getLogger(CustomerNotifications.class);

  static final String IN_DOUBT_NOTE = "not sent again: an earlier attempt may have sent it";

  private final NoticeLedger ledger;
  private final NoticeTemplates templates;
  private final NoticeMailer mailer;
  private final SmsSender sms;

  public CustomerNotifications(
      NoticeLedger ledger, NoticeTemplates templates, NoticeMailer mailer, SmsSender sms) {
    this.ledger = ledger;
    this.templates = templates;
    this.mailer = mailer;
    this.sms = sms;
  }

  @Override
  public Delivery sendEmail(Notice notice) {
    Customer customer = notice.payment().customer();
    String email = customer == null ? null : customer.email();
    if (isBlank(email)) {
      return skip(notice, Channel.EMAIL, null, "no email address");
    }
    String to = email.strip();
    RenderedNotice message = templates.email(notice.kind(), notice.payment());
    return sendOnce(notice, Channel.EMAIL, to, () -> mailer.send(to, message, notice.key()));
  }

  @Override
  public Delivery sendSms(Notice notice) {
    Customer customer = notice.payment().customer();
    String phone = customer == null ? null : customer.phone();
    if (isBlank(phone)) {
      return skip(notice, Channel.SMS, null, "no phone number");
    }
    String to = phone.strip();
    if (!sms.enabled()) {
      return skip(notice, Channel.SMS, to, "SMS disabled: no provider configured");
    }
    String text = templates.sms(notice.kind(), notice.payment());
    return sendOnce(notice, Channel.SMS, to, () -> sms.send(to, text, notice.key()));
  }

  private Delivery sendOnce(Notice notice, Channel channel, String to, Runnable send) {
    NoticeLedger.ClaimResult found = ledger.claim(notice, channel, to);
    if (found.claim() == NoticeLedger.Claim.SENT) {
      return new Delivery(true, found.recipient(), "already sent");
    }
    if (found.claim() == NoticeLedger.Claim.IN_DOUBT) {
      log.warn(
          "{} for notice {} not sent: an earlier attempt claimed it and did not finish, so it"
              + " may have gone out already; sending at most once",
          channel,
          notice.key());
      // Logged with the dunning like any notice not sent, so the records show the step.
      ledger.logSkipped(notice, channel.notSentTitle(), IN_DOUBT_NOTE, found.recipient());
      return new Delivery(false, found.recipient(), IN_DOUBT_NOTE);
    }
    try {
      send.run();
    } catch (RuntimeException e) {
      ledger.release(notice.key());
      throw e;
    }
    ledger.markSent(notice, to, channel.sentTitle(), inWords(notice.kind()));
    return new Delivery(true, to, null);
  }

  private Delivery skip(Notice notice, Channel channel, String to, String why) {
    ledger.logSkipped(notice, channel.notSentTitle(), why, to);
    return new Delivery(false, to, why);
  }

  static String inWords(NoticeKind kind) {
    return switch (kind) {
      case NOTICE -> "Payment failed notice";
      case REMINDER -> "Payment reminder";
      case FINAL_WARNING -> "Final warning: the package expires";
      case EXPIRED -> "Package expired notice";
      case RECOVERED -> "Payment received, thank you";
      case AUTHENTICATION_REQUIRED -> "Payment needs the customer's confirmation";
    };
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
