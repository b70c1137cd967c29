package com.example.dunning.activities.payment;

import com.example.dunning.notices.NoticeLanguage;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.IntakeDetails;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps Frontpayment's failed subscription order ({@code data.details} and {@code data.logs}) to the
 * dunning's model. Amounts come in major units ({@code 2500} NOK) and become minor units; flags
 * come as 0/1; local date-times as {@code dd.MM.yyyy HH:mm} (logs, order dates) or {@code
 * yyyy-MM-dd HH:mm:ss} (the payment link's due date), in Frontpayment's zone.
 */
final class FrontpaymentOrderMapper {

  static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  static final DateTimeFormatter DUE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private FrontpaymentOrderMapper() {}

  record LogLine(LocalDateTime at, String title, String status, String paymentMethod) {

    boolean failed() {
      return status != null && status.toUpperCase(Locale.ROOT).contains("FAIL");
    }
  }

  /**
   * @param data the answer's {@code data}
   */
  static PaymentDetails toPaymentDetails(String orderUuid, AnswerFields data, ZoneId zone) {
    AnswerFields details = data.object("details");
    List<LogLine> logs =
        data.array("logs").stream()
            .map(FrontpaymentOrderMapper::logLine)
            .sorted(Comparator.comparing(LogLine::at))
            .toList();
    LogLine lastFailed = logs.stream().filter(LogLine::failed).reduce((a, b) -> b).orElse(null);
    LogLine latest = logs.isEmpty() ? null : logs.get(logs.size() - 1);
    String currency = details.text("currency");
    List<AnswerFields> products = details.array("products");
    String productName = products.isEmpty() ? null : products.get(0).optionalText("productName");

    Map<String, String> metadata = new HashMap<>();
    put(metadata, "order_date", day(details, "orderDate"));
    put(metadata, "date_created", day(details, "dateCreated"));
    put(metadata, "pay_link_due_at", dueAt(details, zone));
    Boolean invoiced = details.flag("isInvoiced");
    put(metadata, "invoiced", invoiced == null ? null : invoiced.toString());
    Boolean viaSms = details.flag("sendOrderViaSms");
    put(metadata, "send_order_via_sms", viaSms == null ? null : viaSms.toString());
    Boolean viaEmail = details.flag("sendOrderViaEmail");
    put(metadata, "send_order_via_email", viaEmail == null ? null : viaEmail.toString());
    Integer paidCycles = details.optionalWholeNumber("numberOfPaidCycles");
    put(metadata, "paid_cycles", paidCycles == null ? null : paidCycles.toString());
    Integer repeats = details.optionalWholeNumber("repeats");
    put(metadata, "repeats", repeats == null ? null : repeats.toString());
    // The notices' language is the one spoken in the customer's country, where we write it.
    put(
        metadata,
        IntakeDetails.LOCALE,
        NoticeLanguage.tagOfCountry(details.optionalText("country")).orElse(null));

    return new PaymentDetails(
        FrontpaymentPaymentProvider.NAME,
        orderUuid,
        status(details),
        minorUnits(details, "payablePerCycle", currency),
        currency.toLowerCase(Locale.ROOT),
        Math.toIntExact(logs.stream().filter(LogLine::failed).count()),
        null,
        null,
        new Customer(
            null,
            details.optionalText("customerName"),
            details.optionalText("email"),
            phone(details),
            null),
        details.optionalText("subscriptionUuid"),
        null,
        productName,
        null,
        latest == null ? null : latest.paymentMethod(),
        lastFailed == null ? null : lastFailed.title(),
        null,
        false,
        Map.copyOf(metadata));
  }

  /**
   * Frontpayment's order statuses as its failed-orders list filters them ({@code paid}, {@code
   * invoiced}, {@code debtCollection}) and as orders end, and {@code PAUSED}, which this service's
   * own failed-payment details API writes for a paused dunning; any other is reported, not guessed.
   */
  static InvoiceStatus status(AnswerFields details) {
    String status = details.text("status");
    return switch (status.toUpperCase(Locale.ROOT).replace("_", "")) {
      case "PAID", "COMPLETED" -> InvoiceStatus.PAID;
      case "CANCELLED", "CANCELED", "REFUNDED" -> InvoiceStatus.VOID;
      case "DEBTCOLLECTION" -> InvoiceStatus.UNCOLLECTIBLE;
      case "INVOICED", "FAILED", "SENT", "RESENT", "PENDING", "EXPIRED", "OVERDUE", "PAUSED" ->
          InvoiceStatus.OPEN;
      default -> throw details.invalid("status", "not a status we know: " + status);
    };
  }

  private static LogLine logLine(AnswerFields log) {
    String datetime = log.text("datetime");
    LocalDateTime at;
    try {
      at = LocalDateTime.parse(datetime, LOG_TIME);
    } catch (DateTimeParseException e) {
      throw log.invalid("datetime", "not dd.MM.yyyy HH:mm: " + datetime);
    }
    return new LogLine(
        at,
        log.optionalText("title"),
        log.optionalText("status"),
        log.optionalText("paymentMethod"));
  }

  /** An order date: {@code dd.MM.yyyy}, or {@code dd.MM.yyyy HH:mm} of which the day is kept. */
  private static String day(AnswerFields details, String name) {
    String text = details.optionalText(name);
    if (text == null) {
      return null;
    }
    try {
      return text.length() > 10
          ? LocalDateTime.parse(text, LOG_TIME).toLocalDate().toString()
          : LocalDate.parse(text, DAY).toString();
    } catch (DateTimeParseException e) {
      throw details.invalid(name, "not dd.MM.yyyy: " + text);
    }
  }

  private static String dueAt(AnswerFields details, ZoneId zone) {
    String text = details.optionalText("dueDateForPaymentLink");
    if (text == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(text, DUE_TIME).atZone(zone).toInstant().toString();
    } catch (DateTimeParseException e) {
      throw details.invalid("dueDateForPaymentLink", "not yyyy-MM-dd HH:mm:ss: " + text);
    }
  }

  private static long minorUnits(AnswerFields details, String name, String currency) {
    BigDecimal major = details.decimal(name);
    int digits;
    try {
      digits =
          Math.max(
              0,
              Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
    } catch (IllegalArgumentException unknown) {
      throw details.invalid("currency", "not an ISO 4217 code: " + currency);
    }
    try {
      return major.setScale(digits, RoundingMode.HALF_UP).movePointRight(digits).longValueExact();
    } catch (ArithmeticException tooLarge) {
      throw details.invalid(name, "out of range: " + major);
    }
  }

  private static String phone(AnswerFields details) {
    String msisdn = details.optionalText("msisdn");
    if (msisdn == null) {
      return null;
    }
    String countryCode = details.optionalText("countryCode");
    return countryCode == null || msisdn.startsWith("+") ? msisdn : countryCode + msisdn;
  }

  private static void put(Map<String, String> metadata, String key, String value) {
    if (value != null) {
      metadata.put(key, value);
    }
  }
}
