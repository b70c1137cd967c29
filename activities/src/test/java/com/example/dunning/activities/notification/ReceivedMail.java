package com.example.dunning.activities.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;

/**
 * An email as a mail client reads it off the wire: its {@code multipart/alternative} text and HTML
 * parts, decoded.
 */
record ReceivedMail(String contentType, String text, String html) {

  static ReceivedMail of(MimeMessage message) throws MessagingException, IOException {
    if (!(message.getContent() instanceof MimeMultipart parts)) {
      throw new AssertionError("not multipart: " + message.getContentType());
    }
    String text = null;
    String html = null;
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        text = (String) part.getContent();
      } else if (part.isMimeType("text/html")) {
        html = (String) part.getContent();
      }
    }
    return new ReceivedMail(message.getContentType(), text, html);
  }

  /** The HTML's text as a reader sees it: tags out, entities and non-breaking spaces in. */
  String htmlAsRead() {
    return html.replaceAll("<[^>]+>", " ")
        .replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
  }
}
