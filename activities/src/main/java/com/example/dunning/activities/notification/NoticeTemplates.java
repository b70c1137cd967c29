package com.example.dunning.activities.notification;

import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The email and SMS text of each {@link NoticeKind}, from {@code templates/notices/} on the class
 * path, compiled once. An email template has its subject on the first line and the body below.
 */
@Component
public class NoticeTemplates {

  private static final String FOLDER = "templates/notices/";

  private final Map<NoticeKind, Template> emails = new EnumMap<>(NoticeKind.class);
  private final Map<NoticeKind, Template> texts = new EnumMap<>(NoticeKind.class);

  public NoticeTemplates() {
    // Plain text: no HTML escaping; a missing name renders as an empty, false section.
    Mustache.Compiler compiler =
        Mustache.compiler().escapeHTML(false).nullValue("").emptyStringIsFalse(true);
    for (NoticeKind kind : NoticeKind.values()) {
      emails.put(kind, compiler.compile(read(fileName(kind, "email"))));
      texts.put(kind, compiler.compile(read(fileName(kind, "sms"))));
    }
  }

  RenderedNotice email(NoticeKind kind, PaymentDetails payment) {
    String text = emails.get(kind).execute(context(payment)).strip();
    int endOfSubject = text.indexOf('\n');
    if (endOfSubject < 0) {
      return new RenderedNotice(text, "");
    }
    return new RenderedNotice(
        text.substring(0, endOfSubject).strip(), text.substring(endOfSubject + 1).strip() + "\n");
  }

  String sms(NoticeKind kind, PaymentDetails payment) {
    return texts.get(kind).execute(context(payment)).strip();
  }

  static String fileName(NoticeKind kind, String channel) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + channel + ".mustache";
  }

  private static Map<String, Object> context(PaymentDetails payment) {
    Customer customer = payment.customer();
    String name = customer == null || customer.name() == null ? "" : customer.name().strip();
    Map<String, Object> context = new HashMap<>();
    context.put("customerName", name);
    context.put("amount", NoticeAmount.format(payment.amountDue(), payment.currency()));
    context.put("packageName", orElse(payment.packageName(), "your subscription"));
    context.put("payUrl", orElse(payment.payUrl(), ""));
    return context;
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static String read(String file) {
    String path = FOLDER + file;
    try (InputStream in = NoticeTemplates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("notice template missing on the class path: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("notice template unreadable: " + path, e);
    }
  }
}
