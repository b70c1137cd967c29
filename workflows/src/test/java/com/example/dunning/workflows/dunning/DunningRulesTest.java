package com.example.dunning.workflows.dunning;

import static com.example.dunning.workflows.DunningFixtures.POLICY;
import static com.example.dunning.workflows.DunningFixtures.PROVIDER_RETRIES;
import static com.example.dunning.workflows.DunningFixtures.WORKFLOW_RETRIES;
import static com.example.dunning.workflows.DunningFixtures.payment;
import static com.example.dunning.workflows.DunningFixtures.withQuietHours;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningStep;
import com.example.dunning.workflows.policy.NoticeKind;
import com.example.dunning.workflows.policy.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DunningRulesTest {

  private static final PaymentDetails OPEN = payment(InvoiceStatus.OPEN);
  private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

  /** 23:00 in Oslo (UTC+1 in January). */
  private static final Instant OSLO_NIGHT = Instant.parse("2026-01-12T22:00:00Z");

  @Test
  void givenWorkflowRetriesAndNothingBlocking_itShouldRetry() {
    assertThat(DunningRules.mayRetry(WORKFLOW_RETRIES, false, OPEN)).isTrue();
  }

  @Test
  void givenTheProviderRetries_itShouldNotChargeOnTop() {
    assertThat(DunningRules.mayRetry(PROVIDER_RETRIES, false, OPEN)).isFalse();
  }

  @Test
  void givenAHardDecline_itShouldNotRetry() {
    assertThat(DunningRules.mayRetry(WORKFLOW_RETRIES, true, OPEN)).isFalse();
  }

  @Test
  void givenAPaymentWaitingForAuthentication_itShouldNotRetry() {
    assertThat(DunningRules.mayRetry(WORKFLOW_RETRIES, false, awaitingAuthentication())).isFalse();
  }

  @Test
  void givenAPaymentWaitingForAuthentication_routineNoticesShouldAskForIt() {
    assertThat(DunningRules.noticeFor(step(0), awaitingAuthentication()))
        .isEqualTo(NoticeKind.AUTHENTICATION_REQUIRED);
    assertThat(DunningRules.noticeFor(step(1), awaitingAuthentication()))
        .isEqualTo(NoticeKind.AUTHENTICATION_REQUIRED);
    assertThat(DunningRules.noticeFor(step(2), awaitingAuthentication()))
        .isEqualTo(NoticeKind.FINAL_WARNING);
  }

  @Test
  void givenAnOrdinaryDecline_itShouldSendTheStepsOwnNotice() {
    assertThat(DunningRules.noticeFor(step(0), OPEN)).isEqualTo(NoticeKind.NOTICE);
    assertThat(DunningRules.noticeFor(step(1), OPEN)).isEqualTo(NoticeKind.REMINDER);
  }

  @Test
  void givenTheCustomersNight_itShouldWaitUntilTheQuietHoursEnd() {
    Duration wait =
        DunningRules.untilQuietHoursEnd(
            withQuietHours(NIGHT), payment(InvoiceStatus.OPEN, "Europe/Oslo"), OSLO_NIGHT);

    assertThat(wait).isEqualTo(Duration.ofHours(9)); // until 08:00 in Oslo, 07:00 UTC
  }

  @Test
  void givenNoQuietHoursOrNoKnownZone_itShouldNotWait() {
    assertThat(
            DunningRules.untilQuietHoursEnd(
                WORKFLOW_RETRIES, payment(InvoiceStatus.OPEN, "Europe/Oslo"), OSLO_NIGHT))
        .isZero();
    assertThat(DunningRules.untilQuietHoursEnd(withQuietHours(NIGHT), OPEN, OSLO_NIGHT)).isZero();
    assertThat(
            DunningRules.untilQuietHoursEnd(
                withQuietHours(NIGHT), payment(InvoiceStatus.OPEN, "Mars/Olympus"), OSLO_NIGHT))
        .isZero();
  }

  private static DunningStep step(int index) {
    return POLICY.steps().get(index);
  }

  private static PaymentDetails awaitingAuthentication() {
    PaymentDetails p = OPEN;
    return new PaymentDetails(
        p.provider(),
        p.invoiceId(),
        p.status(),
        p.amountDue(),
        p.currency(),
        p.attemptCount(),
        p.nextPaymentAttempt(),
        p.payUrl(),
        p.customer(),
        p.subscriptionId(),
        p.planId(),
        p.packageName(),
        p.paymentIntentId(),
        p.paymentMethodId(),
        "authentication_required",
        "authentication_required",
        true,
        p.metadata());
  }

  @Test
  void givenAPauseBeforeTheStepIsDue_itShouldKeepTheTimeLeft() {
    Instant now = Instant.parse("2026-01-12T10:00:00Z");

    assertThat(DunningRules.timeLeft(now.plus(Duration.ofHours(5)), now))
        .isEqualTo(Duration.ofHours(5));
    assertThat(DunningRules.timeLeft(now.minusSeconds(1), now)).isZero();
    assertThat(DunningRules.timeLeft(null, now)).isZero();
  }

  @Test
  void givenADeclinedCharge_itsNoteShouldSayWhyAndTheCodes() {
    assertThat(
            DunningRules.declinedChargeNote(
                "step retry-1",
                new ChargeResult(false, "card_declined", "lost_card", true, false, "m")))
        .isEqualTo("step retry-1: card_declined / lost_card");
    assertThat(
            DunningRules.declinedChargeNote(
                "retry requested by alice",
                new ChargeResult(false, null, null, false, false, "timeout")))
        .isEqualTo("retry requested by alice: timeout");
  }

  @Test
  void givenAnAcceptedButNotYetActedOnPauseOrResume_othersShouldSeeItAtOnce() {
    assertThat(DunningRules.reportedStatus(DunningStatus.ACTIVE, false, true))
        .isEqualTo(DunningStatus.PAUSED);
    assertThat(DunningRules.reportedStatus(DunningStatus.PAUSED, false, false))
        .isEqualTo(DunningStatus.ACTIVE);
    assertThat(DunningRules.reportedStatus(DunningStatus.EXPIRED, false, true))
        .isEqualTo(DunningStatus.EXPIRED);
    assertThat(DunningRules.reportedStatus(DunningStatus.PAUSED, true, true))
        .isEqualTo(DunningStatus.PAUSED);
  }
}
