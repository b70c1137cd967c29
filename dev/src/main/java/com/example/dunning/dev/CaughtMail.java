package com.example.dunning.dev;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server that keeps every message, and a page that shows them: {@code curl
 * http://127.0.0.1:8025/} lists what the dunnings sent.
 */
final class CaughtMail {

  private final GreenMail smtp;
  private final HttpServer viewer;

  CaughtMail(int smtpPort, int viewerPort) throws IOException {
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    viewer = HttpServer.create(new InetSocketAddress("127.0.0.1", viewerPort), 0);
    viewer.createContext("/", this::list);
  }

  void start() {
    smtp.start();
    viewer.start();
  }

  MimeMessage[] received() {
    return smtp.getReceivedMessages();
  }

  /** A message's text as a reader sees it: the decoded text part of a multipart message. */
  static String text(MimeMessage message) {
    try {
      if (message.getContent() instanceof Multipart parts) {
        for (int i = 0; i < parts.getCount(); i++) {
          if (parts.getBodyPart(i).isMimeType("text/plain")) {
            return (String) parts.getBodyPart(i).getContent();
          }
        }
      }
      return GreenMailUtil.getBody(message);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("unreadable message", e);
    }
  }

  void stop() {
    viewer.stop(0);
    smtp.stop();
  }

  private void list(HttpExchange exchange) throws IOException {
    try (exchange) {
      StringBuilder page = new StringBuilder();
      MimeMessage[] messages = received();
      page.append(messages.length).append(" message(s) caught\n");
      for (MimeMessage message : messages) {
        try {
          page.append("\n==== ")
              .append(message.getSentDate())
              .append(" to ")
              .append(String.join(", ", GreenMailUtil.getAddressList(message.getAllRecipients())))
              .append("\nSubject: ")
              .append(message.getSubject())
              .append("\n\n")
              .append(text(message))
              .append('\n');
        } catch (MessagingException e) {
          page.append("\n(unreadable message: ").append(e.getMessage()).append(")\n");
        }
      }
      byte[] bytes = page.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
