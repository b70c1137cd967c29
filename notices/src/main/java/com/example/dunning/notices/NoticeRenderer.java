package com.example.dunning.notices;

import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.IntakeDetails;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a notice for its customer: in the language of the dunning's locale (the {@code locale} the
 * provider or the intake put in the payment's metadata, else the default), with amounts and dates
 * in that locale and the customer's time zone, signed by the {@link Brand}. An email is a text and
 * an HTML part rendered from the same words, so both carry the same amount, link and dates.
 */
public final class NoticeRenderer {

  /** The metadata key of the payment link's due date (an ISO instant), as Frontpayment reports. */
  public static final String PAY_BY = "pay_link_due_at";

  /** The placeholders every notice text may use; a text using any other fails to render. */
  public static final Set<String> PLACEHOLDERS =
      Set.of(
          "customerName",
          "amount",
          "packageName",
          "payUrl",
          "companyName",
          "supportEmail",
          "supportPhone",
          "count",
          "total");

  /**
   * The placeholders only a text about several invoices may use (keys {@code <kind>.several.*}):
   * the others' context lacks them, so such a text would fail to render.
   */
  public static final Set<String> SEVERAL_PLACEHOLDERS = Set.of("count", "total");

  /** The infix of the keys worded for several invoices: {@code reminder.several.subject}. */
  public static final String SEVERAL = ".several";

  private static final Set<NoticeKind> TELL_NEXT_ATTEMPT =
      Set.of(NoticeKind.NOTICE, NoticeKind.REMINDER);

  private final Brand brand;
  private final Locale defaultLocale;
  private final ZoneId defaultZone;
  private final NoticeTexts texts = new NoticeTexts();
  private final Map<String, Template> compiled = new ConcurrentHashMap<>();
  private final Mustache.Compiler words;
  private final Template textLayout;
  private final Template htmlLayout;

  /**
   * @param defaultLocale a tag in one of the {@link NoticeLanguage}s, for customers whose locale
   *     nobody told
   * @param defaultZone for customers whose time zone nobody told
   */
  public NoticeRenderer(Brand brand, String defaultLocale, ZoneId defaultZone) {
    this.brand = brand;
    this.defaultLocale =
        NoticeLanguage.localeOf(defaultLocale)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the default locale "
                            + defaultLocale
                            + " is not one the notices are written in: "
                            + List.of(NoticeLanguage.values())));
    this.defaultZone = defaultZone;
    // A placeholder the context lacks throws; one it holds as null renders empty and false.
    this.words = Mustache.compiler().escapeHTML(false).nullValue("").emptyStringIsFalse(true);
    this.textLayout = words.compile(read("layout.text.mustache"));
    this.htmlLayout =
        Mustache.compiler()
            .escapeHTML(true)
            .nullValue("")
            .emptyStringIsFalse(true)
            .compile(read("layout.html.mustache"));
  }

  public Brand brand() {
    return brand;
  }

  /** The locale a payment's notices are written in: the one in its metadata, else the default. */
  public Locale localeOf(PaymentDetails payment) {
    String told = payment.metadata() == null ? null : payment.metadata().get(IntakeDetails.LOCALE);
    return NoticeLanguage.localeOf(told).orElse(defaultLocale);
  }

  public RenderedEmail email(NoticeKind kind, PaymentDetails payment) {
    return email(kind, payment, localeOf(payment));
  }

  /** The email in a given locale, whatever the payment's own (the dashboard's previews). */
  public RenderedEmail email(NoticeKind kind, PaymentDetails payment, Locale locale) {
    NoticeLanguage language = language(locale);
    Map<String, Object> values = values(payment, locale, language, false);
    String prefix = NoticeTexts.prefix(kind);
    Map<String, Object> email = frame(language, values);
    email.put("subject", say(language, prefix + ".subject", values));
    email.put("lead", say(language, prefix + ".lead", values));
    email.put("invoices", List.of());
    email.put("details", details(kind, payment, locale, language, values));
    email.put("action", say(language, prefix + ".action", values));
    email.put("payUrl", values.get("payUrl"));
    return render(email, locale);
  }

  /**
   * One customer message for several invoices, in the wording of {@code kind}: each invoice with
   * its package, amount and own pay link, then the total per currency. One invoice is exactly its
   * {@link #email(NoticeKind, PaymentDetails, Locale) email}, so a lone notice reads as before.
   *
   * @param invoices in the order they are listed; the first named customer is greeted
   */
  public RenderedEmail messageEmail(NoticeKind kind, List<PaymentDetails> invoices, Locale locale) {
    if (invoices.size() == 1) {
      return email(kind, invoices.get(0), locale);
    }
    NoticeLanguage language = language(locale);
    Map<String, Object> values = severalValues(invoices, locale, language, false);
    String prefix = NoticeTexts.prefix(kind) + SEVERAL;
    Map<String, Object> email = frame(language, values);
    email.put("subject", say(language, prefix + ".subject", values));
    email.put("lead", say(language, prefix + ".lead", values));
    List<Map<String, Object>> listed = new ArrayList<>();
    for (PaymentDetails invoice : invoices) {
      Map<String, Object> own = values(invoice, locale, language, false);
      Map<String, Object> row = new HashMap<>();
      row.put("packageName", own.get("packageName"));
      row.put("amount", own.get("amount"));
      row.put("payUrl", own.get("payUrl"));
      row.put("action", say(language, prefix + ".action", own));
      listed.add(row);
    }
    email.put("invoices", listed);
    List<Map<String, String>> totals = new ArrayList<>();
    for (String total : totals(invoices, locale)) {
      totals.add(detail(say(language, "detail.total", values), total));
    }
    email.put("details", totals);
    // No single button: each invoice has its own link in the list.
    email.put("action", null);
    email.put("payUrl", null);
    return render(email, locale);
  }

  /** The parts every email has, whatever it is about: greeting, support, signature, brand. */
  private Map<String, Object> frame(NoticeLanguage language, Map<String, Object> values) {
    Map<String, Object> email = new HashMap<>();
    boolean named = !((String) values.get("customerName")).isEmpty();
    email.put("greeting", say(language, named ? "greeting.named" : "greeting.anonymous", values));
    email.put("linkFallback", say(language, "link.fallback", values));
    email.put("support", say(language, "support", values));
    email.put("signoff", say(language, "signoff", values));
    email.put("footer", say(language, "footer", values));
    email.put("senderName", brand.senderName());
    email.put("companyName", brand.companyName());
    email.put("legalName", brand.legalName());
    email.put("address", brand.address());
    email.put("logoUrl", brand.logoUrl());
    email.put("accent", brand.accentColour());
    return email;
  }

  private RenderedEmail render(Map<String, Object> email, Locale locale) {
    email.put("lang", locale.toLanguageTag());
    return new RenderedEmail(
        (String) email.get("subject"),
        textLayout.execute(email).strip() + "\n",
        htmlLayout.execute(email),
        locale.toLanguageTag());
  }

  public String sms(NoticeKind kind, PaymentDetails payment) {
    return sms(kind, payment, localeOf(payment));
  }

  /** The SMS in a given locale; its spaces are plain, as non-breaking ones would need UCS-2. */
  public String sms(NoticeKind kind, PaymentDetails payment, Locale locale) {
    NoticeLanguage language = language(locale);
    return say(language, NoticeTexts.prefix(kind) + ".sms", values(payment, locale, language, true))
        .strip();
  }

  /**
   * One customer SMS for several invoices: the kind's wording, how many, the total per currency and
   * the first invoice's pay link (the first that has one). One invoice is exactly its {@link
   * #sms(NoticeKind, PaymentDetails, Locale) SMS}.
   */
  public String messageSms(NoticeKind kind, List<PaymentDetails> invoices, Locale locale) {
    if (invoices.size() == 1) {
      return sms(kind, invoices.get(0), locale);
    }
    NoticeLanguage language = language(locale);
    return say(
            language,
            NoticeTexts.prefix(kind) + SEVERAL + ".sms",
            severalValues(invoices, locale, language, true))
        .strip();
  }

  /** True when a kind's SMS text says it may take more than one segment. */
  public boolean smsMayBeLong(NoticeKind kind, Locale locale) {
    return "true"
        .equals(texts.raw(language(locale), NoticeTexts.prefix(kind) + ".sms.may-be-long"));
  }

  private static NoticeLanguage language(Locale locale) {
    return NoticeLanguage.ofTag(locale.toLanguageTag())
        .orElseThrow(() -> new IllegalArgumentException("no notices in " + locale));
  }

  private Map<String, Object> values(
      PaymentDetails payment, Locale locale, NoticeLanguage language, boolean sms) {
    Customer customer = payment.customer();
    String name = customer == null || customer.name() == null ? "" : customer.name().strip();
    String amount = NoticeFormats.amount(payment.amountDue(), payment.currency(), locale);
    Map<String, Object> values = new HashMap<>();
    values.put("customerName", name);
    values.put("amount", sms ? plainSpaces(amount) : amount);
    values.put("companyName", brand.companyName());
    values.put("supportEmail", brand.supportEmail());
    values.put("supportPhone", brand.supportPhone());
    values.put("payUrl", link(payment.payUrl()));
    String packageName = payment.packageName();
    values.put(
        "packageName",
        packageName == null || packageName.isBlank()
            ? say(language, "package.fallback", values)
            : packageName.strip());
    return values;
  }

  /**
   * The values of a text about several invoices: the brand's, the first named customer, {@code
   * count}, {@code total} (one amount per currency, in the order the currencies first appear) and
   * the first web link; no one invoice's {@code amount} or {@code packageName}.
   */
  private Map<String, Object> severalValues(
      List<PaymentDetails> invoices, Locale locale, NoticeLanguage language, boolean sms) {
    if (invoices.size() < 2) {
      throw new IllegalArgumentException("a message for several invoices lists at least two");
    }
    Map<String, Object> values = new HashMap<>();
    values.put("customerName", "");
    values.put("payUrl", null);
    for (PaymentDetails invoice : invoices) {
      Customer customer = invoice.customer();
      if (((String) values.get("customerName")).isEmpty()
          && customer != null
          && customer.name() != null) {
        values.put("customerName", customer.name().strip());
      }
      if (values.get("payUrl") == null) {
        values.put("payUrl", link(invoice.payUrl()));
      }
    }
    values.put("companyName", brand.companyName());
    values.put("supportEmail", brand.supportEmail());
    values.put("supportPhone", brand.supportPhone());
    values.put("count", Integer.toString(invoices.size()));
    String total = String.join(" + ", totals(invoices, locale));
    values.put("total", sms ? plainSpaces(total) : total);
    return values;
  }

  /** The amount due per currency, formatted; currencies in the order they first appear. */
  private static List<String> totals(List<PaymentDetails> invoices, Locale locale) {
    Map<String, Long> byCurrency = new LinkedHashMap<>();
    for (PaymentDetails invoice : invoices) {
      String currency =
          invoice.currency() == null ? "" : invoice.currency().strip().toUpperCase(Locale.ROOT);
      byCurrency.merge(currency, invoice.amountDue(), Math::addExact);
    }
    List<String> totals = new ArrayList<>();
    byCurrency.forEach((currency, sum) -> totals.add(NoticeFormats.amount(sum, currency, locale)));
    return totals;
  }

  private List<Map<String, String>> details(
      NoticeKind kind,
      PaymentDetails payment,
      Locale locale,
      NoticeLanguage language,
      Map<String, Object> values) {
    ZoneId zone = zoneOf(payment.customer());
    List<Map<String, String>> details = new ArrayList<>();
    details.add(detail(say(language, "detail.amount", values), (String) values.get("amount")));
    details.add(
        detail(say(language, "detail.package", values), (String) values.get("packageName")));
    if (TELL_NEXT_ATTEMPT.contains(kind) && payment.nextPaymentAttempt() != null) {
      details.add(
          detail(
              say(language, "detail.next-attempt", values),
              NoticeFormats.date(payment.nextPaymentAttempt(), zone, locale)));
    }
    Instant payBy = payBy(payment);
    if (kind != NoticeKind.RECOVERED && payBy != null) {
      details.add(
          detail(say(language, "detail.pay-by", values), NoticeFormats.date(payBy, zone, locale)));
    }
    return details;
  }

  private static Map<String, String> detail(String label, String value) {
    return Map.of("label", label, "value", value);
  }

  private ZoneId zoneOf(Customer customer) {
    if (customer == null || customer.timeZone() == null || customer.timeZone().isBlank()) {
      return defaultZone;
    }
    try {
      return ZoneId.of(customer.timeZone().strip());
    } catch (DateTimeException unknownZone) {
      return defaultZone;
    }
  }

  private static Instant payBy(PaymentDetails payment) {
    String dueAt = payment.metadata() == null ? null : payment.metadata().get(PAY_BY);
    if (dueAt == null) {
      return null;
    }
    try {
      return Instant.parse(dueAt);
    } catch (DateTimeParseException notAnInstant) {
      return null;
    }
  }

  private String say(NoticeLanguage language, String key, Map<String, Object> values) {
    return compiled
        .computeIfAbsent(language.tag() + ":" + key, k -> words.compile(texts.text(language, key)))
        .execute(values)
        .strip();
  }

  /** Only web links become the notice's action: any other scheme is left out. */
  private static String link(String payUrl) {
    if (payUrl == null) {
      return null;
    }
    String url = payUrl.strip();
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
  }

  private static String plainSpaces(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  private static String read(String file) {
    String path = NoticeTexts.FOLDER + file;
    try (InputStream in = NoticeRenderer.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("notice layout missing on the class path: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("notice layout unreadable: " + path, e);
    }
  }
}
