package com.example.dunning.workflows.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.policy.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The caps' decisions on their own: which moment a notice gets, and which cap held it. */
class MessageCapsTest {

  private static final Instant MONDAY_9 = Instant.parse("2026-12-07T09:00:00Z");
  private static final MessageCaps CAPS = MessageCaps.defaults();

  @Test
  void givenNothingSent_itShouldAllowTheNoticeAsAsked() {
    MessageCaps.Decision decision = CAPS.decide(Channel.EMAIL, MONDAY_9, List.of(), null, null);

    assertThat(decision.at()).isEqualTo(MONDAY_9);
    assertThat(decision.heldBy()).isNull();
  }

  @Test
  void givenThreeEmailsOnThreeDays_itShouldHoldTheFourthByTheWeeklyCap() {
    List<ReservedNotice> reserved =
        List.of(email("a", MONDAY_9), email("b", days(1)), email("c", days(2)));

    MessageCaps.Decision decision = CAPS.decide(Channel.EMAIL, days(3), reserved, null, null);

    assertThat(decision.at()).isEqualTo(days(7));
    assertThat(decision.heldBy().describe()).isEqualTo("3 EMAIL per 7 days");
  }

  @Test
  void givenAnEmailToday_itShouldNotHoldAnSms() {
    MessageCaps.Decision decision =
        CAPS.decide(
            Channel.SMS, MONDAY_9.plusSeconds(60), List.of(email("a", MONDAY_9)), null, null);

    assertThat(decision.heldBy()).isNull();
  }

  @Test
  void givenTheDailyCapEndingAtNight_itShouldMoveTheNoticeToTheMorningOfTheCustomer() {
    QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    List<ReservedNotice> reserved = List.of(email("a", Instant.parse("2026-12-07T23:00:00Z")));

    MessageCaps.Decision decision =
        CAPS.decide(
            Channel.EMAIL,
            Instant.parse("2026-12-08T10:00:00Z"),
            reserved,
            night,
            ZoneId.of("UTC"));

    assertThat(decision.at()).isEqualTo(Instant.parse("2026-12-09T08:00:00Z"));
    assertThat(decision.heldBy().describe()).isEqualTo("1 EMAIL per 1 day");
  }

  @Test
  void
      givenANoticeWaitingForTheMorning_whenAnotherAsksTheNightBefore_itShouldNotSendBothWithinADay() {
    List<ReservedNotice> reserved = List.of(email("a", Instant.parse("2026-12-08T07:00:00Z")));

    MessageCaps.Decision decision =
        CAPS.decide(Channel.EMAIL, Instant.parse("2026-12-07T23:00:00Z"), reserved, null, null);

    assertThat(decision.at()).isEqualTo(Instant.parse("2026-12-09T07:00:00Z"));
    assertThat(decision.heldBy().describe()).isEqualTo("1 EMAIL per 1 day");
  }

  private static Instant days(int days) {
    return MONDAY_9.plus(Duration.ofDays(days));
  }

  private static ReservedNotice email(String key, Instant at) {
    return new ReservedNotice(key, "dunning-stripe-in_" + key, Channel.EMAIL, at, at, null);
  }
}
