package com.example.dunning.activities.notification;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.NoSuchElementException;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP connections kept open between sends, at most {@code size} of them (a Commons Pool of Jakarta
 * Mail {@link Transport}s, connected as {@link JavaMailSenderImpl} connects its own): a send takes
 * one, asks the server whether it is still there ({@code NOOP}, as {@code JavaMailSenderImpl} does
 * between the messages of one batch) and opens a new one in place of one the server closed; a send
 * that fails closes its connection instead of putting it back. Connections idle for {@link
 * #IDLE_TIMEOUT} are closed, and {@link #close()} closes them all (one still sending is closed when
 * its send ends).
 *
 * <p>A send waits at most the SMTP connection timeout for a connection when all {@code size} are in
 * use: that wait is part of {@link #longestWait()}, which the caller adds to how long a send can
 * last.
 */
public final class SmtpConnections implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

  /** A connection unused this long is closed: mail servers drop idle clients after a while. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  private static final String MESSAGE_ID = "Message-ID";

  private final GenericObjectPool<Transport> pool;
  private final Duration longestWait;

  /**
   * @param settings the host, port, credentials, protocol and session ({@code
   *     spring.mail.properties}) to connect with
   * @param size the most connections open at once
   * @param longestWait the longest a send waits for a connection when all are in use
   */
  public SmtpConnections(JavaMailSenderImpl settings, int size, Duration longestWait) {
    if (size < 1) {
      throw new IllegalArgumentException("dunning.mail.connections must be at least 1: " + size);
    }
    GenericObjectPoolConfig<Transport> config = new GenericObjectPoolConfig<>();
    config.setMaxTotal(size);
    config.setMaxIdle(size);
    config.setMaxWait(longestWait);
    config.setBlockWhenExhausted(true);
    config.setTestOnBorrow(true);
    config.setTimeBetweenEvictionRuns(Duration.ofSeconds(10));
    config.setMinEvictableIdleDuration(IDLE_TIMEOUT);
    config.setNumTestsPerEvictionRun(size);
    config.setJmxEnabled(false);
    this.pool = new GenericObjectPool<>(new Connector(settings), config);
    this.longestWait = longestWait;
  }

  /** The longest a send waits for a free connection before it connects or fails. */
  public Duration longestWait() {
    return longestWait;
  }

  /**
   * Sends the message on an open connection, or a new one. Like {@code JavaMailSenderImpl}, sets
   * the sent date if unset and keeps a {@code Message-ID} set before.
   *
   * @throws MailSendException when no connection could be had or the server refused the message
   */
  public void send(MimeMessage message) {
    Address[] recipients;
    try {
      if (message.getSentDate() == null) {
        message.setSentDate(new Date());
      }
      String messageId = message.getMessageID();
      message.saveChanges();
      if (messageId != null) {
        message.setHeader(MESSAGE_ID, messageId);
      }
      Address[] all = message.getAllRecipients();
      recipients = all == null ? new Address[0] : all;
    } catch (MessagingException e) {
      throw new MailSendException("message not prepared for sending", e);
    }
    Transport transport = borrow();
    boolean sent = false;
    try {
      transport.sendMessage(message, recipients);
      sent = true;
    } catch (MessagingException e) {
      throw new MailSendException("message not sent", e);
    } finally {
      giveBack(transport, sent);
    }
  }

  private Transport borrow() {
    try {
      return pool.borrowObject();
    } catch (AuthenticationFailedException e) {
      throw new MailAuthenticationException(e);
    } catch (NoSuchElementException e) {
      // Either every connection stayed in use for the whole wait, or a new one failed its NOOP.
      throw new MailSendException(
          "no SMTP connection within " + longestWait + " (" + pool.getMaxTotal() + " in use)", e);
    } catch (Exception e) {
      throw new MailSendException("Mail server connection failed", e);
    }
  }

  private void giveBack(Transport transport, boolean sent) {
    try {
      if (sent) {
        pool.returnObject(transport);
      } else {
        // The server may have closed it, or be mid-reply: not reused.
        pool.invalidateObject(transport);
      }
    } catch (Exception e) {
      log.debug("SMTP connection not given back", e);
    }
  }

  /** Connections open now, in use or idle. */
  int open() {
    return pool.getNumActive() + pool.getNumIdle();
  }

  /** Closes the idle connections now and each one in use when its send ends. */
  @Override
  public void close() {
    pool.close();
  }

  /** Connects as {@code JavaMailSenderImpl.connectTransport} does; validates with {@code NOOP}. */
  private static final class Connector extends BasePooledObjectFactory<Transport> {

    private final JavaMailSenderImpl settings;

    Connector(JavaMailSenderImpl settings) {
      this.settings = settings;
    }

    @Override
    public Transport create() throws MessagingException {
      String username = settings.getUsername();
      String password = settings.getPassword();
      if ("".equals(username)) {
        username = null;
        if ("".equals(password)) {
          password = null;
        }
      }
      String protocol = settings.getProtocol();
      if (protocol == null) {
        protocol = settings.getSession().getProperty("mail.transport.protocol");
      }
      Transport transport =
          settings
              .getSession()
              .getTransport(protocol == null ? JavaMailSenderImpl.DEFAULT_PROTOCOL : protocol);
      transport.connect(settings.getHost(), settings.getPort(), username, password);
      return transport;
    }

    @Override
    public PooledObject<Transport> wrap(Transport transport) {
      return new DefaultPooledObject<>(transport);
    }

    /** {@code NOOP}: false, and the socket closed, when the server has gone or answers 421. */
    @Override
    public boolean validateObject(PooledObject<Transport> pooled) {
      return pooled.getObject().isConnected();
    }

    /** {@code QUIT}, when still connected. */
    @Override
    public void destroyObject(PooledObject<Transport> pooled) {
      try {
        pooled.getObject().close();
      } catch (MessagingException e) {
        log.debug("SMTP connection not closed cleanly", e);
      }
    }
  }
}
