package com.example.dunning.activities.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends a notice as a plain-text, UTF-8 email through Spring's {@link JavaMailSender}. */
@Component
public class NoticeMailer {

  private final JavaMailSender mailSender;
  private final String from;

  public NoticeMailer(
      JavaMailSender mailSender, @Value("${dunning.mail.from:billing@example.com}") String from) {
    this.mailSender = mailSender;
    this.from = from;
  }

  void send(String to, RenderedNotice notice, String noticeKey) {
    MimeMessage message = mailSender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(notice.subject());
      helper.setText(notice.body(), false);
      // The same notice always has the same Message-ID, so a mail system can drop a duplicate too.
      // JavaMailSenderImpl keeps a Message-ID that was set before sending.
      message.setHeader("Message-ID", messageId(noticeKey));
    } catch (MessagingException e) {
      throw new MailPreparationException("email for notice " + noticeKey + " not built", e);
    }
    mailSender.send(message);
  }

  static String messageId(String noticeKey) {
    String local = noticeKey.replaceAll("[^A-Za-z0-9_-]+", ".").replaceAll("^\\.+|\\.+$", "");
    return "<" + (local.isEmpty() ? "notice" : local) + "@dunning>";
  }
}
