package com.example.dunning.activities.notification;

import com.example.dunning.notices.Brand;
import com.example.dunning.notices.RenderedEmail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends a notice as a UTF-8 {@code multipart/alternative} email, its text part first and its HTML
 * part second (the order mail clients pick the last they can show), from the brand's sender name,
 * with replies going to its support address, through Spring's {@link JavaMailSender}. Its SMTP
 * timeouts ({@code spring.mail.properties}: {@code mail.smtp.connectiontimeout}, {@code timeout},
 * {@code writetimeout}) must be set: without them Jakarta Mail waits for ever, and a notice whose
 * send died could never be told from one still being sent.
 */
@Component
public class NoticeMailer {

  private static final String UTF_8 = "UTF-8";

  /**
   * The system property that names Jakarta Mail's {@code StreamProvider}: without it, Jakarta Mail
   * finds one with a {@code ServiceLoader} scan of the whole class path for every part it builds or
   * encodes, a fifth of the worker's CPU time per step in a packaged jar (docs/benchmarks.md).
   */
  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  /** Angus Mail's, the one that scan finds (its META-INF/services entry). */
  static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  static {
    System.getProperties().putIfAbsent(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
  }

  /**
   * Each part's transfer encoding, set so that Jakarta Mail does not write the whole part once more
   * to choose one (a quarter of a notice's send): quoted-printable carries any UTF-8 text, and
   * keeps lines short, whatever the language.
   */
  static final String TRANSFER_ENCODING = "quoted-printable";

  static final List<String> TIMEOUTS =
      List.of("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout");

  private final JavaMailSender mailSender;
  private final String from;
  private final Brand brand;
  private final Duration longestSend;

  public NoticeMailer(
      JavaMailSender mailSender,
      @Value("${dunning.mail.from:billing@example.com}") String from,
      Brand brand) {
    this.mailSender = mailSender;
    this.from = from;
    this.brand = brand;
    this.longestSend = longestSend(mailSender);
  }

  /** The connection, read and write timeouts of the SMTP client, added up. */
  public Duration longestSend() {
    return longestSend;
  }

  private static Duration longestSend(JavaMailSender mailSender) {
    if (!(mailSender instanceof JavaMailSenderImpl configured)) {
      throw new IllegalStateException(
          "the mail sender's timeouts cannot be read: " + mailSender.getClass().getName());
    }
    Properties properties = configured.getJavaMailProperties();
    long millis = 0;
    for (String timeout : TIMEOUTS) {
      String value = properties.getProperty(timeout);
      long parsed;
      try {
        parsed = value == null ? 0 : Long.parseLong(value.strip());
      } catch (NumberFormatException e) {
        parsed = 0;
      }
      if (parsed <= 0) {
        throw new IllegalStateException(
            "set spring.mail.properties."
                + timeout
                + " (milliseconds, was "
                + value
                + "): without it an SMTP send has no end");
      }
      millis += parsed;
    }
    return Duration.ofMillis(millis);
  }

  /** Sends the email under the notice's key, which becomes its {@code Message-ID}. */
  public void send(String to, RenderedEmail email, String noticeKey) {
    MimeMessage message = mailSender.createMimeMessage();
    try {
      message.setFrom(new InternetAddress(from, brand.senderName(), UTF_8));
      // One address each: a list smuggled into a customer's address is refused, not mailed.
      message.setReplyTo(new InternetAddress[] {new InternetAddress(brand.supportEmail())});
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
      message.setSubject(email.subject(), UTF_8);
      message.setHeader("Content-Language", email.languageTag());
      MimeBodyPart text = new MimeBodyPart();
      text.setText(email.text(), UTF_8, "plain");
      text.setHeader("Content-Transfer-Encoding", TRANSFER_ENCODING);
      MimeBodyPart html = new MimeBodyPart();
      html.setText(email.html(), UTF_8, "html");
      html.setHeader("Content-Transfer-Encoding", TRANSFER_ENCODING);
      message.setContent(new MimeMultipart("alternative", text, html));
      // The same notice always has the same Message-ID, so a mail system can drop a duplicate too.
      // JavaMailSenderImpl keeps a Message-ID that was set before sending.
      message.setHeader("Message-ID", messageId(noticeKey));
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new MailPreparationException("email for notice " + noticeKey + " not built", e);
    }
    mailSender.send(message);
  }

  static String messageId(String noticeKey) {
    String local = noticeKey.replaceAll("[^A-Za-z0-9_-]+", ".").replaceAll("^\\.+|\\.+$", "");
    return "<" + (local.isEmpty() ? "notice" : local) + "@dunning>";
  }
}
