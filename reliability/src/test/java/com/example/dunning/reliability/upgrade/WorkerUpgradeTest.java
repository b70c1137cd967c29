package com.example.dunning.reliability.upgrade;

import static com.example.dunning.reliability.support.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.reliability.support.DunningAudit;
import com.example.dunning.reliability.support.FaultStack;
import com.example.dunning.reliability.support.ProviderApis;
import com.example.dunning.reliability.support.RecordedHistories;
import com.example.dunning.reliability.support.ScenarioReport;
import com.example.dunning.workflows.dunning.DunningWorkflowImpl;
import com.example.dunning.workflows.reconciliation.ReconciliationWorkflowImpl;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker upgrade that keeps running dunnings: a dunning starts on the worker as built from the
 * current code, which is stopped as a deploy stops it (SIGTERM) in the middle of the dunning; a
 * worker of a second build ({@link GraceFirstDunningWorkflow}, a change behind {@code
 * Workflow.getVersion}, registered under the same workflow type) takes it over and finishes it, and
 * its history replays under both builds. The same change without the guard fails that replay.
 */
class WorkerUpgradeTest {

  /** The second build: the worker's own settings, with the changed workflow class registered. */
  private static final List<String> SECOND_BUILD =
      List.of(
          "--spring.temporal.workers[0].task-queue=dunning",
          "--spring.temporal.workers[0].workflow-classes[0]="
              + GraceFirstDunningWorkflow.class.getName(),
          "--spring.temporal.workers[0].workflow-classes[1]="
              + ReconciliationWorkflowImpl.class.getName());

  /** What a JVM stopped by SIGTERM exits with once its shutdown hooks have run. */
  private static final int STOPPED_BY_SIGTERM = 143;

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void givenADunningOfTheCurrentBuild_whenASecondBuildTakesOver_itShouldFinishItReplayingUnderBoth()
      throws Exception {
    FaultStack stack = FaultStack.shared();
    String invoice = "in_upgrade_running";
    String dunning = stack.openDunning(invoice);
    await().until(() -> stack.logLines(dunning) >= FaultStack.FIRST_STEP_LOG_LINES);
    // The next step's read of the invoice is held, so the first build stops inside a step: on the
    // test server only a workflow task that times out leaves the stopped worker's sticky queue.
    ProviderApis.Stall read = stack.providers.stallNextRead(invoice);
    assertThat(read.awaitReached(60)).as("the read of step retry-1 came in").isTrue();

    assertThat(stack.stopWorker()).as("the first build's exit").isEqualTo(STOPPED_BY_SIGTERM);
    read.release();
    int loggedByFirst = stack.logLines(dunning);
    WorkflowExecutionHistory takenOver = stack.client.fetchHistory(dunning);
    assertReplaysUnderBothBuilds(takenOver);

    try {
      stack.startWorker(SECOND_BUILD);
      DunningAudit audit =
          DunningAudit.of(stack, invoice, stack.awaitResult(dunning, Duration.ofMinutes(2)));
      System.out.println(audit);
      audit.assertWholeAndOnce();

      WorkflowExecutionHistory whole = stack.client.fetchHistory(dunning);
      Set<String> first = taskWorkers(takenOver.getEvents());
      Set<String> second =
          taskWorkers(
              whole.getEvents().subList(takenOver.getEvents().size(), whole.getEvents().size()));
      assertThat(first).as("workers that ran it before the upgrade").hasSize(1);
      assertThat(second)
          .as("workers that ran it after the upgrade")
          .hasSize(1)
          .doesNotContainAnyElementsOf(first);
      assertThat(versionMarkers(whole)).as("a dunning of the first build keeps its path").isZero();
      assertReplaysUnderBothBuilds(whole);
      RecordedHistories.keep(stack.client, dunning, "upgrade-taken-over");

      // The second build is live: a dunning started now takes the new path.
      String fresh = stack.openDunning("in_upgrade_after");
      DunningAudit after =
          DunningAudit.of(
              stack, "in_upgrade_after", stack.awaitResult(fresh, Duration.ofMinutes(2)));
      after.assertWholeAndOnce();
      WorkflowExecutionHistory upgraded = stack.client.fetchHistory(fresh);
      assertThat(versionMarkers(upgraded)).as("the change's version marker").isEqualTo(1);
      WorkflowReplayer.replayWorkflowExecution(upgraded, GraceFirstDunningWorkflow.class);
      // Rolling back to the first build is safe only until a dunning takes the new path.
      assertRejects(upgraded, DunningWorkflowImpl.class);

      new ScenarioReport(
              "upgrade-running-dunning",
              "1 whole dunning (5 steps 3 s apart) started on the current build; 1 started after"
                  + " the upgrade",
              "the current build's worker stopped with SIGTERM (exit 143) inside step retry-1 (its"
                  + " invoice read held); a worker of a second build (a change behind"
                  + " Workflow.getVersion, same workflow type) started",
              audit.counted()
                  + "; "
                  + loggedByFirst
                  + " log lines by the first build; workflow tasks by 1 worker before, 1 other"
                  + " after; both histories replayed under both builds and were rejected by the"
                  + " change without its guard (non-determinism); the later dunning: "
                  + after.counted()
                  + ", 1 version marker",
              "EXPIRED, taken over by the second build after the first build's workflow task timed"
                  + " out, nothing twice; the later dunning took the new path, and does not replay"
                  + " under the first build")
          .publish();
    } finally {
      // The next scenario finds no worker alive and starts the current build again.
      stack.stopWorker();
    }
  }

  private static void assertReplaysUnderBothBuilds(WorkflowExecutionHistory history)
      throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history, DunningWorkflowImpl.class);
    WorkflowReplayer.replayWorkflowExecution(history, GraceFirstDunningWorkflow.class);
    assertRejects(history, UnguardedGraceFirstDunningWorkflow.class);
  }

  private static void assertRejects(WorkflowExecutionHistory history, Class<?> build) {
    assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history, build))
        .as("the replay under " + build.getSimpleName())
        // The replayer reports the NonDeterministicException inside its failure's message.
        .hasMessageContaining(NonDeterministicException.class.getName())
        .hasMessageContaining("TMPRL1100");
  }

  /** The identities of the workers that started the workflow tasks among {@code events}. */
  private static Set<String> taskWorkers(List<HistoryEvent> events) {
    return events.stream()
        .filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED)
        .map(event -> event.getWorkflowTaskStartedEventAttributes().getIdentity())
        .collect(Collectors.toSet());
  }

  /** Version markers of {@link GraceFirstDunningWorkflow#CHANGE} in the history. */
  private static long versionMarkers(WorkflowExecutionHistory history) {
    return history.getEvents().stream()
        .filter(event -> event.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED)
        .map(event -> event.getMarkerRecordedEventAttributes())
        .filter(marker -> marker.getMarkerName().equals("Version"))
        .filter(
            marker ->
                marker
                    .getDetailsOrThrow("changeId")
                    .getPayloads(0)
                    .getData()
                    .toStringUtf8()
                    .contains(GraceFirstDunningWorkflow.CHANGE))
        .count();
  }
}
