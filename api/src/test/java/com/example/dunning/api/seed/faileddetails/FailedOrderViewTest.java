package com.example.dunning.api.seed.faileddetails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailedOrderViewTest {

  @Test
  void givenMinorUnits_whenShownAsTheSeedsFloats_itShouldUseTheCurrencysDigits() {
    assertThat(FailedOrderView.majorUnits(250_000, "nok")).hasToString("2500");
    assertThat(FailedOrderView.majorUnits(1999, "usd")).hasToString("19.99");
    assertThat(FailedOrderView.majorUnits(1990, "eur")).hasToString("19.9");
    assertThat(FailedOrderView.majorUnits(500, "jpy")).hasToString("500");
    assertThat(FailedOrderView.majorUnits(1500, "kwd")).hasToString("1.5");
  }

  @Test
  void givenStoredPhoneNumbers_whenSplit_itShouldGiveCountryCodeAndMsisdnWhereKnown() {
    assertThat(PhoneNumberParts.of("+4746567468"))
        .isEqualTo(new PhoneNumberParts("+47", "46567468"));
    assertThat(PhoneNumberParts.of("+1 (415) 555-0100"))
        .isEqualTo(new PhoneNumberParts("+1", "4155550100"));
    assertThat(PhoneNumberParts.of("46567468")).isEqualTo(new PhoneNumberParts(null, "46567468"));
    assertThat(PhoneNumberParts.of(null)).isEqualTo(new PhoneNumberParts(null, null));
  }
}
