package com.example.dunning.workflows;

import com.example.dunning.workflows.dunning.DunningWorkflowImpl;
import com.example.dunning.workflows.reconciliation.ReconciliationWorkflow;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * With {@code -Ddunning.recordHistories=true}, keeps the history of the workflow a passed test ran,
 * every run of it when it continued as new, where the replay tests replay it on every build.
 * Dunning histories carry the prefix of the workflow version that recorded them, so recording never
 * overwrites those of an earlier version: a new {@code Workflow.getVersion} change gets a new
 * prefix.
 */
final class HistoryRecorder implements AfterTestExecutionCallback {

  static final Path DUNNINGS = Path.of("src/test/resources/histories");
  static final Path RECONCILIATIONS = DUNNINGS.resolve("reconciliation");
  static final Path CONVERSATIONS = DUNNINGS.resolve("conversation");

  /** The prefix of the dunning histories recorded now (unprefixed: before fewer actions). */
  static final String DUNNING_PREFIX = DunningWorkflowImpl.FEWER_ACTIONS + "-";

  /**
   * The prefix of the histories of dunnings whose coordinator sends their reminders ({@link
   * DunningWorkflowImpl#CUSTOMER_CONVERSATION} version 2); those of version 1, which sent them
   * themselves, are prefixed {@code customer-conversation-}.
   */
  static final String COORDINATOR_SENDS_PREFIX = "coordinator-sends-";

  private final Path folder;
  private final String prefix;
  private final String workflowId;
  private final Supplier<WorkflowClient> client;

  private HistoryRecorder(
      Path folder, String prefix, String workflowId, Supplier<WorkflowClient> client) {
    this.folder = folder;
    this.prefix = prefix;
    this.workflowId = workflowId;
    this.client = client;
  }

  /** Records the dunning of {@link DunningFixtures#DUNNING_ID}, its files named {@code prefix…}. */
  static HistoryRecorder dunning(String prefix, Supplier<WorkflowClient> client) {
    return new HistoryRecorder(DUNNINGS, prefix, DunningFixtures.DUNNING_ID, client);
  }

  /** Records the reconciliation (its workflow has no versions yet). */
  static HistoryRecorder reconciliation(Supplier<WorkflowClient> client) {
    return new HistoryRecorder(RECONCILIATIONS, "", ReconciliationWorkflow.WORKFLOW_ID, client);
  }

  /** Records a customer's coordinator (its workflow has no versions yet). */
  static HistoryRecorder conversation(String workflowId, Supplier<WorkflowClient> client) {
    return new HistoryRecorder(CONVERSATIONS, "", workflowId, client);
  }

  /**
   * {@code <prefix><test>.json}, or {@code <prefix><test>-run-<n>.json} from the first run on when
   * the workflow continued as new.
   */
  private static List<String> fileNames(String prefix, String test, int runs) {
    if (runs == 1) {
      return List.of(prefix + test + ".json");
    }
    List<String> names = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      names.add(prefix + test + "-run-" + run + ".json");
    }
    return names;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws IOException {
    if (!Boolean.getBoolean("dunning.recordHistories")
        || context.getExecutionException().isPresent()) {
      return;
    }
    List<WorkflowExecutionHistory> runs = runs(client.get(), workflowId);
    List<String> names = fileNames(prefix, context.getRequiredTestMethod().getName(), runs.size());
    Files.createDirectories(folder);
    for (int i = 0; i < runs.size(); i++) {
      Files.writeString(folder.resolve(names.get(i)), runs.get(i).toJson(true));
    }
  }

  /** The names of the histories in {@code folder}, without their {@code .json}. */
  static List<String> recorded(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".json"))
          .map(name -> name.substring(0, name.length() - ".json".length()))
          .toList();
    }
  }

  /**
   * Every run of the workflow, first to latest, following each run back to the one it continued.
   */
  static List<WorkflowExecutionHistory> runs(WorkflowClient client, String workflowId) {
    List<WorkflowExecutionHistory> runs = new ArrayList<>();
    WorkflowExecutionHistory run = client.fetchHistory(workflowId);
    while (true) {
      runs.add(run);
      HistoryEvent started = run.getEvents().get(0);
      String continued =
          started.getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
      if (continued.isEmpty()) {
        break;
      }
      run = client.fetchHistory(workflowId, continued);
    }
    Collections.reverse(runs);
    return runs;
  }
}
