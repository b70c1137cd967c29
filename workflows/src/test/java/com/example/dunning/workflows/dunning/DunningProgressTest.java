package com.example.dunning.workflows.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.DunningFixtures;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DunningProgressTest {

  private final DunningProgress progress = new DunningProgress(2);
  private final OperatorRequests requests = new OperatorRequests();

  @Test
  void givenARepeatedOrOlderFailure_itShouldIgnoreIt() {
    assertThat(progress.failedAgain(2, null)).isFalse();
    assertThat(progress.failedAgain(1, "lost_card")).isFalse();

    assertThat(progress.attemptCount()).isEqualTo(2);
    assertThat(progress.retriesBlocked()).isFalse();
  }

  @Test
  void givenANewerFailureWithAHardDecline_itShouldCountItAndBlockRetries() {
    assertThat(progress.failedAgain(3, "lost_card")).isTrue();

    assertThat(progress.attemptCount()).isEqualTo(3);
    assertThat(progress.retriesBlocked()).isTrue();

    progress.paymentMethodUpdated();
    assertThat(progress.retriesBlocked()).isFalse();
  }

  @Test
  void givenAClosedDunning_itShouldIgnoreLaterFailures() {
    progress.closed(new DunningResult(DunningStatus.RECOVERED, "paid", Instant.EPOCH, 2));

    assertThat(progress.failedAgain(5, null)).isFalse();
  }

  @Test
  void givenDeclinedCharges_itShouldCountThemAndBlockOnAHardOne() {
    progress.charged(new ChargeResult(false, "card_declined", "generic_decline", false, false, ""));
    progress.charged(new ChargeResult(false, "card_declined", "lost_card", true, false, ""));
    progress.charged(new ChargeResult(true, null, null, false, false, "paid"));

    assertThat(progress.attemptCount()).isEqualTo(5);
    assertThat(progress.declinedCharges()).isEqualTo(2);
    assertThat(progress.retriesBlocked()).isTrue();
  }

  @Test
  void givenAnAcceptedPause_theStateShouldReadPausedBeforeTheMainMethodActs() {
    requests.pause(null);

    assertThat(state().status()).isEqualTo(DunningStatus.PAUSED);
    assertThat(state().pausedUntil()).isEqualTo(Instant.MAX);
  }

  @Test
  void givenAResultNotYetClosedByTheMainMethod_itShouldNotHaveEnded() {
    progress.closed(new DunningResult(DunningStatus.CANCELLED, "cancelled", Instant.EPOCH, 2));
    assertThat(progress.hasEnded()).isFalse();

    assertThat(progress.status(DunningStatus.CANCELLED)).isTrue();
    assertThat(progress.status(DunningStatus.CANCELLED)).isFalse();
    assertThat(progress.hasEnded()).isTrue();
  }

  private DunningState state() {
    return progress.state(DunningFixtures.DUNNING_ID, requests, new DunningJournal("d"));
  }
}
