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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
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
 *
 * <p>With {@code dunning.mail.reuse-connections} (the default) it keeps up to {@code
 * dunning.mail.connections} SMTP connections open between sends ({@link SmtpConnections}) instead
 * of connecting for every mail as {@code JavaMailSenderImpl} does; a send then also waits up to the
 * connection timeout for a free connection, which {@link #longestSend()} counts.
 */
@Component
public class NoticeMailer implements DisposableBean {

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

  /** Null: a new connection per mail, through {@code mailSender}. */
  private final SmtpConnections connections;

  /** Connects for every mail, as {@code JavaMailSenderImpl} does. */
  public NoticeMailer(JavaMailSender mailSender, String from, Brand brand) {
    this(mailSender, from, brand, false, 1);
  }

  /**
   * @param reuseConnections whether to keep SMTP connections open between sends
   * @param connections the most SMTP connections open at once when reusing them: sized to the
   *     activity slots that send mail, so that no send waits for one
   */
  @Autowired
  public NoticeMailer(
      JavaMailSender mailSender,
      @Value("${dunning.mail.from:billing@example.com}") String from,
      Brand brand,
      @Value("${dunning.mail.reuse-connections:true}") boolean reuseConnections,
      @Value("${dunning.mail.connections:200}") int connections) {
    this.mailSender = mailSender;
    this.from = from;
    this.brand = brand;
    JavaMailSenderImpl configured = configured(mailSender);
    Properties properties = configured.getJavaMailProperties();
    Duration timeouts = timeouts(properties);
    if (reuseConnections) {
      // Waiting for a free connection takes the place of connecting: bounded the same.
      Duration wait = Duration.ofMillis(positive(properties, TIMEOUTS.get(0)));
      this.connections = new SmtpConnections(configured, connections, wait);
      this.longestSend = timeouts.plus(wait);
    } else {
      this.connections = null;
      this.longestSend = timeouts;
    }
  }

  /**
   * The connection, read and write timeouts of the SMTP client, added up, and the connection
   * timeout once more when connections are reused (the longest wait for a free one).
   */
  public Duration longestSend() {
    return longestSend;
  }

  private static JavaMailSenderImpl configured(JavaMailSender mailSender) {
    if (!(mailSender instanceof JavaMailSenderImpl configured)) {
      throw new IllegalStateException(
          "the mail sender's timeouts cannot be read: " + mailSender.getClass().getName());
    }
    return configured;
  }

  private static Duration timeouts(Properties properties) {
    long millis = 0;
    for (String timeout : TIMEOUTS) {
      millis += positive(properties, timeout);
    }
    return Duration.ofMillis(millis);
  }

  private static long positive(Properties properties, String timeout) {
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
    return parsed;
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
    if (connections == null) {
      mailSender.send(message);
    } else {
      connections.send(message);
    }
  }

  /** Whether SMTP connections are kept open between sends. */
  public boolean reusesConnections() {
    return connections != null;
  }

  /** Closes the SMTP connections kept open, if any (each one still sending when it is done). */
  @Override
  public void destroy() {
    if (connections != null) {
      connections.close();
    }
  }

  static String messageId(String noticeKey) {
    String local = noticeKey.replaceAll("[^A-Za-z0-9_-]+", ".").replaceAll("^\\.+|\\.+$", "");
    return "<" + (local.isEmpty() ? "notice" : local) + "@dunning>";
  }
}
