package com.example.dunning.api.seed.faileddetails;

import com.example.dunning.api.seed.faileddetails.FailedOrder.Data;
import com.example.dunning.api.seed.faileddetails.FailedOrder.Details;
import com.example.dunning.api.seed.faileddetails.FailedOrder.Log;
import com.example.dunning.api.seed.faileddetails.FailedOrder.Product;
import com.example.dunning.api.seed.faileddetails.FailedOrders.Invoice;
import com.example.dunning.api.seed.faileddetails.FailedOrders.Step;
import com.example.dunning.workflows.model.LogTitle;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes seed 004's {@code data} of a failed invoice and its log. What the tables do not hold
 * (address, taxes, discounts, plan length, notes, terms, the payment link's due date) is null; what
 * they imply is derived, as the table in docs/seed-apis.md says.
 */
final class FailedOrderView {

  /** Our dunning statuses in the seed's order vocabulary. */
  private static final Map<String, String> ORDER_STATUS =
      Map.of(
          "ACTIVE", "FAILED",
          "PAUSED", "PAUSED",
          "RECOVERED", "PAID",
          "CANCELLED", "CANCELLED",
          "EXPIRED", "EXPIRED");

  private final DateTimeFormatter date;
  private final DateTimeFormatter dateTime;

  FailedOrderView(ZoneId zone) {
    this.date = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(zone);
    this.dateTime = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(zone);
  }

  Data of(Invoice invoice, List<Step> steps) {
    List<Log> logs = steps.stream().map(this::log).toList();
    BigDecimal amount = majorUnits(invoice.amountDue(), invoice.currency());
    PhoneNumberParts phone = PhoneNumberParts.of(invoice.phoneNumber());
    Details details =
        new Details(
            invoice.subscriptionId(),
            format(date, invoice.createdAt()),
            format(date, invoice.failedAt()),
            null,
            sent(steps, LogTitle.SMS_SENT),
            sent(steps, LogTitle.EMAIL_SENT),
            null,
            1,
            null,
            invoice.customerName(),
            phone.countryCode(),
            phone.msisdn(),
            invoice.customerEmail(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            amount,
            invoice.currency().toUpperCase(Locale.ROOT),
            null,
            ORDER_STATUS.getOrDefault(invoice.status(), invoice.status()),
            List.of(new Product(productName(invoice), 1, amount, null, null, amount)),
            null);
    return new Data(logs, details);
  }

  private Log log(Step step) {
    return new Log(
        step.title().text(),
        format(dateTime, step.loggedAt()),
        step.note() == null ? "" : step.note(),
        step.status(),
        step.sentTo() == null ? "" : step.sentTo(),
        step.paymentMethod(),
        step.refundAmount());
  }

  /** 1 when the log holds a notice sent on that channel, as the seed's 0/1 flags. */
  private static int sent(List<Step> steps, LogTitle title) {
    return steps.stream().anyMatch(step -> step.title() == title) ? 1 : 0;
  }

  private static String productName(Invoice invoice) {
    if (invoice.packageName() != null) {
      return invoice.packageName();
    }
    return invoice.planId() != null ? invoice.planId() : "subscription";
  }

  /** {@code 250000} øre as {@code 2500}, {@code 1999} cents as {@code 19.99}. */
  static BigDecimal majorUnits(long minorUnits, String currency) {
    int digits;
    try {
      digits =
          Math.max(
              0,
              Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
    } catch (IllegalArgumentException e) {
      digits = 2;
    }
    BigDecimal value = BigDecimal.valueOf(minorUnits).movePointLeft(digits).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  private static String format(DateTimeFormatter formatter, Instant instant) {
    return instant == null ? null : formatter.format(instant);
  }
}
