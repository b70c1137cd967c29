package com.example.dunning.notices;

import static com.example.dunning.notices.TestPayments.payment;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SmsSegmentsTest {

  private final NoticeRenderer renderer = TestPayments.renderer();

  /**
   * With a company name of 13 characters, a package name of 10 and a link of 40 (a longer link or
   * name can take a second segment: the docs say so), and with neither package name nor link.
   */
  @ParameterizedTest
  @MethodSource("com.example.dunning.notices.NoticeRendererTest#everyKindInEveryLanguage")
  void givenEachKindAndLanguage_whenTexted_itShouldFitOneSegmentUnlessItSaysItMayNot(
      NoticeKind kind, NoticeLanguage language) {
    for (String currency : new String[] {"nok", "eur"}) {
      PaymentDetails payment = payment(250000, currency, language.tag(), null, null);
      checkOneSegment(kind, language, renderer.sms(kind, payment, language.homeLocale()));
      String bare =
          renderer.sms(kind, TestPayments.withoutPackageOrLink(payment), language.homeLocale());
      assertThat(bare).doesNotEndWith(":");
      checkOneSegment(kind, language, bare);
    }
  }

  private void checkOneSegment(NoticeKind kind, NoticeLanguage language, String sms) {
    if (!renderer.smsMayBeLong(kind, language.homeLocale())) {
      assertThat(SmsSegments.fitsOne(sms))
          .as(
              "%s SMS in %s is %d GSM-7 septets (-1: needs UCS-2), %d characters: %s",
              kind, language, SmsSegments.gsmLength(sms), sms.length(), sms)
          .isTrue();
    }
  }

  @Test
  void givenTheAlphabets_itShouldCountGsmCharactersOnceExtensionsTwiceAndOthersAsUcs2() {
    assertThat(SmsSegments.gsmLength("Betal nå: æøå ÆØÅ äöü ß é")).isEqualTo(25);
    assertThat(SmsSegments.gsmLength("19,99 €")).isEqualTo(8);
    assertThat(SmsSegments.gsmLength("aquí")).isEqualTo(-1);
    assertThat(SmsSegments.gsmLength("kr\u00a02 500")).isEqualTo(-1);
    assertThat(SmsSegments.fitsOne("a".repeat(160))).isTrue();
    assertThat(SmsSegments.fitsOne("a".repeat(161))).isFalse();
    assertThat(SmsSegments.fitsOne("í".repeat(70))).isTrue();
    assertThat(SmsSegments.fitsOne("í".repeat(71))).isFalse();
  }
}
