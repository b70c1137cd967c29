package com.example.dunning.activities.notification;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** An amount due as a customer reads it: {@code USD 1,234.50}, {@code JPY 1,200}. */
final class NoticeAmount {

  private NoticeAmount() {}

  /**
   * @param minorUnits the amount in the currency's minor unit (cents), as the provider reports it
   * @param currency an ISO 4217 code in any case, e.g. {@code usd}
   */
  static String format(long minorUnits, String currency) {
    String code = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
    int digits = fractionDigits(code);
    BigDecimal amount = BigDecimal.valueOf(minorUnits, digits);
    String number = String.format(Locale.ROOT, "%,." + digits + "f", amount);
    return code.isEmpty() ? number : code + " " + number;
  }

  private static int fractionDigits(String code) {
    try {
      return Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
    } catch (IllegalArgumentException unknownCurrency) {
      return 2;
    }
  }
}
