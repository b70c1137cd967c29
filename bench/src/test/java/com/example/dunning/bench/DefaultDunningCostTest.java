package com.example.dunning.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Temporal Cloud cost of a whole default dunning, counted from its history (a count, not a
 * timing: it runs with the build).
 */
class DefaultDunningCostTest {

  @Test
  void givenTheDefaultPolicyAndWorkflowRetries_whenADunningExpires_itShouldCostAtMost20Actions() {
    HistoryCost cost = DefaultDunningCost.measure(false);

    assertThat(cost.actions()).isLessThanOrEqualTo(20);
    assertThat(cost.events()).isLessThanOrEqualTo(100);
    // Five steps wait on four timers, then the restore window on one.
    assertThat(cost.timers()).isEqualTo(5);
    assertThat(cost.activities()).isZero();
  }

  @Test
  void givenTheShippedSmartRetries_whenADunningExpires_itShouldCostAtMost20Actions() {
    HistoryCost cost = DefaultDunningCost.measure(true);

    assertThat(cost.actions()).isLessThanOrEqualTo(20);
    assertThat(cost.events()).isLessThanOrEqualTo(100);
  }

  @Test
  void givenAHistoryRecordedBeforeLocalActivities_whenCounted_itShouldBillEachActivityAndTimer()
      throws Exception {
    WorkflowExecutionHistory history =
        WorkflowExecutionHistory.fromJson(
            Files.readString(
                Path.of(
                    "../workflows/src/test/resources/histories",
                    "givenNoPayment_whenGraceEnds_itShouldExpireThePackageAfterEveryNotice.json")));

    HistoryCost cost = HistoryCost.of(history.getEvents());

    assertThat(cost.events()).isEqualTo(123);
    assertThat(cost.activities()).isEqualTo(16);
    assertThat(cost.timers()).isEqualTo(4);
    assertThat(cost.upserts()).isEqualTo(2);
    assertThat(cost.localActivityTasks()).isZero();
    assertThat(cost.actions()).isEqualTo(1 + 16 + 4 + 2);
  }
}
