package com.example.dunning.reliability.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.reliability.support.RecordedHistories;
import com.example.dunning.workflows.dunning.DunningWorkflowImpl;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the histories of the reliability scenarios (faults, storms), recorded on the whole stack
 * and kept in {@code src/test/resources/histories}, under the current {@link DunningWorkflowImpl}:
 * a change that would break the dunnings those scenarios left running fails here. Record them again
 * with {@code ./mvnw -pl reliability -am verify -Dtest='*Test'
 * -Dsurefire.failIfNoSpecifiedTests=false -Ddunning.recordHistories=true}, only for new scenarios
 * or after a change made safe with {@code Workflow.getVersion}, never to make a change pass.
 */
class ReliabilityReplayTest {

  static Stream<Path> histories() throws IOException {
    try (Stream<Path> files = Files.list(RecordedHistories.DIRECTORY)) {
      List<Path> json = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      assertThat(json).as("recorded histories").hasSizeGreaterThanOrEqualTo(15);
      return json.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("histories")
  void givenAScenarioHistory_whenReplayedUnderTheCurrentCode_itShouldReplayWithoutNonDeterminism(
      Path history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history.toFile(), DunningWorkflowImpl.class);
  }

  @Test
  void givenAnIncompatibleChange_whenAScenarioHistoryIsReplayed_itShouldFailWithNonDeterminism()
      throws Exception {
    WorkflowExecutionHistory history =
        WorkflowExecutionHistory.fromJson(
            Files.readString(RecordedHistories.DIRECTORY.resolve("faults-smtp-down.json")));

    assertThatThrownBy(
            () -> WorkflowReplayer.replayWorkflowExecution(history, WaitFirstDunningWorkflow.class))
        // The replayer reports the NonDeterministicException inside its failure's message.
        .hasMessageContaining(NonDeterministicException.class.getName())
        .hasMessageContaining("TMPRL1100");
  }
}
