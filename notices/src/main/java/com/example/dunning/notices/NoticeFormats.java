package com.example.dunning.notices;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Amounts and dates as a customer in a locale reads them: {@code kr 2 500,00}, {@code 19,99 €}. */
public final class NoticeFormats {

  private NoticeFormats() {}

  /**
   * @param minorUnits the amount in the currency's minor unit (cents, øre), as providers report it
   * @param currency an ISO 4217 code in any case, e.g. {@code nok}
   */
  public static String amount(long minorUnits, String currency, Locale locale) {
    String code = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
    Currency known;
    try {
      known = Currency.getInstance(code);
    } catch (IllegalArgumentException unknownCurrency) {
      NumberFormat number = NumberFormat.getNumberInstance(locale);
      number.setMinimumFractionDigits(2);
      number.setMaximumFractionDigits(2);
      String formatted = number.format(BigDecimal.valueOf(minorUnits, 2));
      return code.isEmpty() ? formatted : code + " " + formatted;
    }
    int digits = Math.max(0, known.getDefaultFractionDigits());
    NumberFormat money = NumberFormat.getCurrencyInstance(locale);
    money.setCurrency(known);
    money.setMinimumFractionDigits(digits);
    money.setMaximumFractionDigits(digits);
    return money.format(BigDecimal.valueOf(minorUnits, digits));
  }

  /** A day as the locale writes it in full, in the customer's zone: {@code 8. desember 2026}. */
  public static String date(Instant at, ZoneId zone, Locale locale) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(locale)
        .format(at.atZone(zone));
  }
}
