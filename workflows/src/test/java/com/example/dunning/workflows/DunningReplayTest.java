package com.example.dunning.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * Replays the recorded histories of every workflow scenario under the current code: a change that
 * would break running dunnings fails here. Re-record with {@code ./mvnw -pl workflows test
 * -Dtest=DunningWorkflowTest -Ddunning.recordHistories=true} only for a change made safe by {@code
 * Workflow.getVersion}, keeping the old histories.
 */
class DunningReplayTest {

  private static final Path HISTORIES = Path.of("src/test/resources/histories");

  static Stream<Path> histories() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      List<Path> json = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      assertThat(json).as("recorded histories").hasSizeGreaterThanOrEqualTo(10);
      return json.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("histories")
  void givenARecordedHistory_whenReplayedUnderTheCurrentCode_itShouldReplayWithoutNonDeterminism(
      Path history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history.toFile(), DunningWorkflowImpl.class);
  }

  @Test
  void givenAnIncompatibleChange_whenAHistoryIsReplayed_itShouldFailWithNonDeterminism()
      throws Exception {
    WorkflowExecutionHistory history =
        WorkflowExecutionHistory.fromJson(
            Files.readString(
                HISTORIES.resolve(
                    "givenNoPayment_whenGraceEnds_itShouldExpireThePackageAfterEveryNotice.json")));

    assertThatThrownBy(
            () -> WorkflowReplayer.replayWorkflowExecution(history, ReorderedDunningWorkflow.class))
        // The replayer reports the NonDeterministicException inside its failure's message.
        .hasMessageContaining(NonDeterministicException.class.getName())
        .hasMessageContaining("TMPRL1100");
  }
}
