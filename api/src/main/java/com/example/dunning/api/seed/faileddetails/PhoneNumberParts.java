package com.example.dunning.api.seed.faileddetails;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A stored phone number split as seed 004 shows it: {@code countryCode} {@code +47}, {@code msisdn}
 * {@code 46567468}. A number without its country ({@code +…}) cannot be split and is kept whole as
 * the msisdn.
 */
record PhoneNumberParts(String countryCode, String msisdn) {

  private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

  static PhoneNumberParts of(String stored) {
    if (stored == null || stored.isBlank()) {
      return new PhoneNumberParts(null, null);
    }
    try {
      PhoneNumber number = PHONE_NUMBERS.parse(stored, null);
      return new PhoneNumberParts(
          "+" + number.getCountryCode(), PHONE_NUMBERS.getNationalSignificantNumber(number));
    } catch (NumberParseException e) {
      return new PhoneNumberParts(null, stored.trim());
    }
  }
}
