package com.example.dunning.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.reconciliation.ReconciliationWorkflowImpl;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the recorded histories of the reconciliation workflow under the current code. Record them
 * with {@code ./mvnw -pl workflows test -Dtest=ReconciliationWorkflowTest
 * -Ddunning.recordHistories=true}, keeping the old ones under other names.
 */
class ReconciliationReplayTest {

  private static final Path HISTORIES = Path.of("src/test/resources/histories/reconciliation");

  static Stream<Path> histories() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      List<Path> json = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      assertThat(json).as("recorded histories").isNotEmpty();
      return json.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("histories")
  void givenARecordedHistory_whenReplayedUnderTheCurrentCode_itShouldReplayWithoutNonDeterminism(
      Path history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history.toFile(), ReconciliationWorkflowImpl.class);
  }
}
