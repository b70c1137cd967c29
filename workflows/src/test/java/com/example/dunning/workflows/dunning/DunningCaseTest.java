package com.example.dunning.workflows.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.DunningFixtures;
import com.example.dunning.workflows.model.AuthenticationRequired;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.DunningCarryOver;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.LogTitle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The dunning's one state: what signals note, what the main method reads, what is carried. */
class DunningCaseTest {

  private static final Instant NOW = Instant.parse("2026-01-12T10:00:00Z");

  private final DunningCase dunning = opened();

  @Test
  void givenARepeatedOrOlderFailure_itShouldIgnoreIt() {
    dunning.paymentFailed(failure(1, "lost_card"), NOW);

    assertThat(dunning.attemptCount()).isEqualTo(1);
    assertThat(dunning.retriesBlocked()).isFalse();
    assertThat(dunning.journal().hasUnrecorded()).isFalse();
  }

  @Test
  void givenANewerFailureWithAHardDecline_itShouldCountItLogItAndBlockRetries() {
    dunning.paymentFailed(failure(3, "lost_card"), NOW);

    assertThat(dunning.attemptCount()).isEqualTo(3);
    assertThat(dunning.retriesBlocked()).isTrue();
    assertThat(dunning.journal().unrecorded().get(0).entry().note())
        .isEqualTo("attempt 3: card_declined / lost_card");

    dunning.paymentMethodUpdated(new PaymentMethodUpdated("pm_2", "jenny"), NOW);
    assertThat(dunning.retriesBlocked()).isFalse();
    assertThat(dunning.takeRetryRequest()).isEqualTo("payment method update");
  }

  @Test
  void givenAClosedDunning_itShouldIgnoreLaterFailuresAndResolutions() {
    dunning.closed(new DunningResult(DunningStatus.RECOVERED, "paid", NOW, 1), LogTitle.PAID);

    dunning.paymentFailed(failure(5, null), NOW);
    dunning.cancel(new CancelDunning("late", "bob"));

    assertThat(dunning.attemptCount()).isEqualTo(1);
    assertThat(dunning.cancelled()).isNull();
  }

  @Test
  void givenAPaymentAndThenACancel_thePaymentShouldWin() {
    dunning.markPaid(new MarkPaid("alice", null));
    dunning.cancel(new CancelDunning("left", "bob"));

    assertThat(dunning.paid()).isNotNull();
    assertThat(dunning.cancelled()).isNull();
    assertThat(dunning.isResolved()).isTrue();
  }

  @Test
  void givenDeclinedCharges_itShouldCountThemLogThemAndBlockOnAHardOne() {
    dunning.charged(declined("generic_decline", false), "step retry-1", NOW);
    dunning.charged(declined("lost_card", true), "step retry-2", NOW);
    dunning.charged(new ChargeResult(true, null, null, false, false, "paid"), "step 3", NOW);

    assertThat(dunning.attemptCount()).isEqualTo(4);
    assertThat(dunning.declinedCharges()).isEqualTo(2);
    assertThat(dunning.retriesBlocked()).isTrue();
    assertThat(dunning.state().log())
        .filteredOn(entry -> entry.title() == LogTitle.RETRY_FAILED)
        .extracting(entry -> entry.note())
        .containsExactly(
            "step retry-1: card_declined / generic_decline",
            "step retry-2: card_declined / lost_card");
  }

  @Test
  void givenAnAcceptedPause_theStateShouldReadPausedBeforeTheMainMethodActs() {
    dunning.pause(new PauseDunning(null, "alice"), NOW);

    assertThat(dunning.state().status()).isEqualTo(DunningStatus.PAUSED);
    assertThat(dunning.state().pausedUntil()).isEqualTo(Instant.MAX);
    assertThat(dunning.status()).isEqualTo(DunningStatus.ACTIVE);
  }

  @Test
  void givenAHeldPause_whenResumed_theWaitShouldWakeAndTheStepBeDueInTheTimeThatWasLeft() {
    dunning.nextStep(1, "retry-1", NOW.plusSeconds(3600));
    dunning.pause(new PauseDunning(null, "alice"), NOW);
    dunning.stopClock(NOW);
    dunning.journal().takeUnrecorded(10); // the main method has recorded the pause
    assertThat(dunning.hasNews(true)).isFalse(); // held: the pause itself wakes nothing more
    assertThat(dunning.dueAt(NOW.plusSeconds(600))).isEqualTo(NOW.plusSeconds(4200));

    dunning.resume(new ResumeDunning("alice"), NOW.plusSeconds(7200));
    assertThat(dunning.hasNews(true)).isTrue();
    dunning.restartClock(NOW.plusSeconds(7200));

    assertThat(dunning.isHolding()).isFalse();
    assertThat(dunning.nextStepAt()).isEqualTo(NOW.plusSeconds(10_800));
  }

  @Test
  void givenAnExpiredDunning_itShouldTakeNoPauseRetryOrProviderCheck() {
    dunning.status(DunningStatus.EXPIRED);

    dunning.pause(new PauseDunning(null, "alice"), NOW);
    dunning.retryNow(new RetryNow("alice"));

    assertThat(dunning.isPaused()).isFalse();
    assertThat(dunning.takeRetryRequest()).isNull();
    assertThat(dunning.takesProviderChecks()).isFalse();
  }

  @Test
  void givenOneAuthenticationNoticePerAttempt_itShouldKeepOnlyTheFirst() {
    dunning.authenticationRequired(new AuthenticationRequired(2, "https://pay", NOW));
    assertThat(dunning.takeAuthenticationNotice()).isNotNull();

    dunning.authenticationRequired(new AuthenticationRequired(2, "https://pay", NOW));
    assertThat(dunning.takeAuthenticationNotice()).isNull();
  }

  @Test
  void givenAResultNotYetClosedByTheMainMethod_itShouldNotHaveEnded() {
    dunning.closed(new DunningResult(DunningStatus.CANCELLED, "cancelled", NOW, 1), null);
    assertThat(dunning.hasEnded()).isFalse();

    assertThat(dunning.status(DunningStatus.CANCELLED)).isTrue();
    assertThat(dunning.status(DunningStatus.CANCELLED)).isFalse();
    assertThat(dunning.hasEnded()).isTrue();
  }

  @Test
  void givenACarryOverWhileHeldForAPause_theNextRunShouldStandWhereThisOneStood() {
    dunning.nextStep(2, "final-warning", NOW.plusSeconds(3600));
    dunning.pause(new PauseDunning(null, "alice"), NOW);
    dunning.stopClock(NOW);
    dunning.retryNow(new RetryNow("bob"));

    // An hour was left to the step when the pause began; two hours later it still is.
    DunningCarryOver carried = dunning.carryOver(NOW.plusSeconds(7200));
    DunningCase next =
        DunningCase.of(
            DunningFixtures.DUNNING_ID, DunningFixtures.request().continuedFrom(carried));

    assertThat(next.stepIndex()).isEqualTo(2);
    assertThat(next.nextStepAt()).isEqualTo(NOW.plusSeconds(10_800));
    assertThat(next.isPaused()).isTrue();
    assertThat(next.takeRetryRequest()).isEqualTo("bob");
    assertThat(next.state().log()).isEqualTo(dunning.state().log());
    assertThat(next.journal().unrecorded()).isEqualTo(dunning.journal().unrecorded());
  }

  private static DunningCase opened() {
    DunningCase dunning = DunningCase.of(DunningFixtures.DUNNING_ID, DunningFixtures.request());
    dunning.paymentAsked(DunningFixtures.payment(InvoiceStatus.OPEN));
    dunning.opened(DunningFixtures.WORKFLOW_RETRIES);
    return dunning;
  }

  private static PaymentFailed failure(int attempt, String declineCode) {
    return new PaymentFailed(attempt, null, "card_declined", declineCode, NOW);
  }

  private static ChargeResult declined(String declineCode, boolean hard) {
    return new ChargeResult(false, "card_declined", declineCode, hard, false, "declined");
  }
}
