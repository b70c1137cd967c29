package com.example.dunning.activities.notification;

import com.example.dunning.notices.NoticeRenderer;
import com.example.dunning.notices.RenderedEmail;
import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.policy.NoticeKind;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Emails and texts the customer once per notice key, in the customer's language: the key is claimed
 * before the send, released when the send fails, and marked sent, with the text that went out and
 * its log line, after it. A claim left by an attempt that died mid-send is taken over and sent
 * again once that attempt cannot still be sending (see {@link NoticeLedger}); until then the
 * activity fails, to be retried when it can.
 */
@Component
@ActivityImpl(taskQueues = "dunning")
public class CustomerNotifications implements NotificationActivities {

  /** The type of the retryable failure of an attempt that finds its notice still being sent. */
  public static final String IN_DOUBT_TYPE = NoticeLedger.IN_DOUBT_TYPE;

  public static final String TAKEN_OVER_NOTE = "sent after an interrupted attempt";

  private final NoticeLedger ledger;
  private final NoticeRenderer renderer;
  private final NoticeMailer mailer;
  private final SmsSender sms;
  private final Duration margin;

  /**
   * @param margin added to a channel's timeouts before an unfinished claim counts as abandoned: for
   *     the time between claim and send, and pauses of the JVM
   */
  public CustomerNotifications(
      NoticeLedger ledger,
      NoticeRenderer renderer,
      NoticeMailer mailer,
      SmsSender sms,
      @Value("${dunning.notifications.in-doubt-margin:10s}") Duration margin) {
    this.ledger = ledger;
    this.renderer = renderer;
    this.mailer = mailer;
    this.sms = sms;
    this.margin = margin;
  }

  @Override
  public Delivery sendEmail(Notice notice) {
    Customer customer = notice.payment().customer();
    String email = customer == null ? null : customer.email();
    if (isBlank(email)) {
      return skip(notice, Channel.EMAIL, null, "no email address");
    }
    String to = email.strip();
    RenderedEmail message = renderer.email(notice.kind(), notice.payment());
    return sendOnce(
        notice,
        Channel.EMAIL,
        to,
        mailer.longestSend().plus(margin),
        () -> mailer.send(to, message, notice.key()),
        new SentText(message.subject(), message.text(), message.languageTag()));
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
    Locale locale = renderer.localeOf(notice.payment());
    String text = renderer.sms(notice.kind(), notice.payment(), locale);
    return sendOnce(
        notice,
        Channel.SMS,
        to,
        sms.longestSend().plus(margin),
        () -> sms.send(to, text, notice.key()),
        new SentText(null, text, locale.toLanguageTag()));
  }

  private Delivery sendOnce(
      Notice notice,
      Channel channel,
      String to,
      Duration abandonedAfter,
      Runnable send,
      SentText sent) {
    NoticeLedger.ClaimResult found =
        ledger.sendOnce(
            notice.key(), notice.dunningId(), notice.kind(), channel, to, abandonedAfter, send);
    if (found.claim() == NoticeLedger.Claim.SENT) {
      return new Delivery(true, found.recipient(), "already sent");
    }
    boolean takenOver = found.claim() == NoticeLedger.Claim.TAKEN_OVER;
    String words = inWords(notice.kind());
    ledger.markSent(notice, channel, to, takenOver ? words + ", " + TAKEN_OVER_NOTE : words, sent);
    return new Delivery(true, to, takenOver ? TAKEN_OVER_NOTE : null);
  }

  private Delivery skip(Notice notice, Channel channel, String to, String why) {
    ledger.logSkipped(notice, channel.notSentTitle(), why, to);
    return new Delivery(false, to, why);
  }

  /** The kind as the dunning's log names the notice. */
  public static String inWords(NoticeKind kind) {
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
