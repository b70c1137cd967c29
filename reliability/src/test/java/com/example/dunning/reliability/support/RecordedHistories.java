package com.example.dunning.reliability.support;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The histories of the reliability scenarios, kept in {@code src/test/resources/histories} and
 * replayed by {@code ReliabilityReplayTest}. Written only with {@code
 * -Ddunning.recordHistories=true}; a normal run only replays what is there.
 */
public final class RecordedHistories {

  public static final Path DIRECTORY = Path.of("src", "test", "resources", "histories");

  private RecordedHistories() {}

  public static boolean recording() {
    return Boolean.getBoolean("dunning.recordHistories");
  }

  /** Writes the workflow's history as {@code <name>.json}, when recording. */
  public static void keep(WorkflowClient client, String workflowId, String name)
      throws IOException {
    if (recording()) {
      Files.createDirectories(DIRECTORY);
      Files.writeString(
          DIRECTORY.resolve(name + ".json"), client.fetchHistory(workflowId).toJson(true));
    }
  }
}
