package com.example.dunning.activities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoticeAmountTest {

  @Test
  void givenCentsInUsd_whenFormatted_itShouldShowTheCodeAndTwoDecimals() {
    assertThat(NoticeAmount.format(1000, "usd")).isEqualTo("USD 10.00");
    assertThat(NoticeAmount.format(123456, "EUR")).isEqualTo("EUR 1,234.56");
  }

  @Test
  void givenAZeroDecimalCurrency_whenFormatted_itShouldShowNoDecimals() {
    assertThat(NoticeAmount.format(1200, "jpy")).isEqualTo("JPY 1,200");
  }

  @Test
  void givenAThreeDecimalCurrency_whenFormatted_itShouldShowThreeDecimals() {
    assertThat(NoticeAmount.format(1500, "KWD")).isEqualTo("KWD 1.500");
  }

  @Test
  void givenAnUnknownCurrency_whenFormatted_itShouldAssumeTwoDecimals() {
    assertThat(NoticeAmount.format(999, "zzz")).isEqualTo("ZZZ 9.99");
  }
}
