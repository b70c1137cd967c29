package com.example.dunning.reliability.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * GreenMail's SMTP server on a fixed port that a test can stop and start again on the same port,
 * keeping what each run of it caught: the mail of a dunning is counted across an outage.
 */
public final class SmtpCatcher implements AutoCloseable {

  /** One message as caught: to whom, its notice (from the Message-ID) and its subject. */
  public record Caught(String to, String messageId, String subject) {}

  private final int port;
  private final List<Caught> before = new ArrayList<>();
  private GreenMail smtp;

  public SmtpCatcher(int port) {
    this.port = port;
  }

  public int port() {
    return port;
  }

  public synchronized void start() {
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  /** Stops the server: connections to its port are refused until {@link #start()}. */
  public synchronized void stop() {
    before.addAll(caught(smtp));
    smtp.stop();
    smtp = null;
  }

  public synchronized boolean isRunning() {
    return smtp != null;
  }

  /** Everything caught so far, by every run of the server. */
  public synchronized List<Caught> all() {
    List<Caught> all = new ArrayList<>(before);
    if (smtp != null) {
      all.addAll(caught(smtp));
    }
    return all;
  }

  /** What was sent to {@code address}, oldest first. */
  public List<Caught> to(String address) {
    return all().stream().filter(message -> message.to().equals(address)).toList();
  }

  private static List<Caught> caught(GreenMail smtp) {
    List<Caught> caught = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      try {
        caught.add(
            new Caught(
                String.join(",", GreenMailUtil.getAddressList(message.getAllRecipients())),
                message.getMessageID(),
                message.getSubject()));
      } catch (MessagingException e) {
        throw new IllegalStateException("unreadable message", e);
      }
    }
    return caught;
  }

  @Override
  public synchronized void close() {
    if (smtp != null) {
      smtp.stop();
    }
  }
}
