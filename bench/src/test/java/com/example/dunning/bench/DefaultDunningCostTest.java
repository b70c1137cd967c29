package com.example.dunning.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.policy.StepAction;
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
  void givenTheConversationSwitchOn_whenADunningExpires_itsAsksShouldCostOnlyTheirUpdates() {
    HistoryCost off = DefaultDunningCost.measure(true);
    DefaultDunningCost.ConversingCost on = DefaultDunningCost.measureConversing(true);

    System.out.printf("switch off: %s%nswitch on: %s%n", off, on);
    // The asks are local activities in the workflow tasks that send: on the dunning's side only a
    // notice the caps deferred costs more, its timer and the workflow task that sends it.
    assertThat(on.dunning().activities()).isZero();
    assertThat(on.dunning().actions() - off.actions())
        .isEqualTo(
            (on.dunning().timers() - off.timers())
                + (on.dunning().localActivityTasks() - off.localActivityTasks()));
    // Each notice is an accepted update on the coordinator (the first with its start).
    assertThat(on.coordinator().actions()).isGreaterThan(notices());
  }

  /** The email and SMS notices of the shipped policy's steps. */
  private static int notices() {
    return DefaultDunningCost.shippedSettings(true).policy().steps().stream()
        .mapToInt(
            step -> (step.does(StepAction.EMAIL) ? 1 : 0) + (step.does(StepAction.SMS) ? 1 : 0))
        .sum();
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
