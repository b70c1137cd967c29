package com.example.dunning.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.reconciliation.ReconciliationWorkflowImpl;
import io.temporal.api.enums.v1.EventType;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the recorded histories of the reconciliation workflow under the current code; a history
 * lost or renamed fails too. Record them with {@code ./mvnw -pl workflows test
 * -Dtest=ReconciliationWorkflowTest -Ddunning.recordHistories=true}, keeping the old ones under
 * other names, and list what it wrote here.
 */
class ReconciliationReplayTest {

  /** One file per run where the reconciliation continued as new. */
  private static final List<String> HISTORIES =
      List.of(
          "givenAListingThatKeepsFailing_itShouldStillCheckTheOpenDunningsAndRecordTheError",
          "givenAPause_itShouldSweepNoMoreUntilResumed",
          "givenASecondStart_itShouldReachTheRunningWorkflow",
          "givenAStart_itShouldSweepAtOnceAndRecordWhatEachHalfDid",
          "givenItRuns_itShouldSweepEveryIntervalOnADurableTimer",
          "givenManySweeps_itShouldContinueAsNewAndKeepEachHistoryShort-run-1",
          "givenManySweeps_itShouldContinueAsNewAndKeepEachHistoryShort-run-2",
          "givenManySweeps_itShouldContinueAsNewAndKeepEachHistoryShort-run-3",
          "givenManySweeps_itShouldContinueAsNewAndKeepEachHistoryShort-run-4",
          "givenManySweeps_itShouldContinueAsNewAndKeepEachHistoryShort-run-5",
          "givenManySweeps_itShouldContinueAsNewAndKeepEachHistoryShort-run-6",
          "givenManySweeps_itShouldContinueAsNewAndKeepEachHistoryShort-run-7",
          "givenSweepNow_itShouldSweepWithoutWaitingForTheInterval",
          "givenTheCurrentDetails_itShouldTellTheLastSweepAndTheNextOne");

  static Stream<String> histories() {
    return HISTORIES.stream();
  }

  @Test
  void givenTheRecordedHistories_itShouldHoldExactlyTheListedOnes() throws IOException {
    assertThat(HistoryRecorder.recorded(HistoryRecorder.RECONCILIATIONS))
        .containsExactlyInAnyOrderElementsOf(HISTORIES);
  }

  @ParameterizedTest
  @MethodSource("histories")
  void givenARecordedHistory_whenReplayedUnderTheCurrentCode_itShouldReplayWithoutNonDeterminism(
      String history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(read(history), ReconciliationWorkflowImpl.class);
  }

  @Test
  void givenManySweeps_eachRunButTheLastShouldEndInAContinueAsNew() throws IOException {
    String many = "givenManySweeps_itShouldContinueAsNewAndKeepEachHistoryShort-run-";
    for (int run = 1; run <= 6; run++) {
      assertThat(read(many + run).getLastEvent().getEventType())
          .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    }
  }

  private static WorkflowExecutionHistory read(String history) throws IOException {
    return WorkflowExecutionHistory.fromJson(
        Files.readString(HistoryRecorder.RECONCILIATIONS.resolve(history + ".json")));
  }
}
