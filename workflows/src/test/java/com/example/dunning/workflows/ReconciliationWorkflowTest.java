package com.example.dunning.workflows;

import static com.example.dunning.workflows.testing.MockActivities.mockActivities;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.dunning.workflows.activities.ReconciliationActivities;
import com.example.dunning.workflows.activities.ReconciliationActivities.CheckResult;
import com.example.dunning.workflows.activities.ReconciliationActivities.ListingResult;
import com.example.dunning.workflows.activities.ReconciliationActivities.ReconciliationSettings;
import com.example.dunning.workflows.activities.ReconciliationActivities.SweepSummary;
import com.example.dunning.workflows.client.ReconciliationStart;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.reconciliation.PauseReconciliation;
import com.example.dunning.workflows.reconciliation.ReconciliationRun;
import com.example.dunning.workflows.reconciliation.ReconciliationState;
import com.example.dunning.workflows.reconciliation.ReconciliationWorkflow;
import com.example.dunning.workflows.reconciliation.ReconciliationWorkflowImpl;
import com.example.dunning.workflows.reconciliation.ResumeReconciliation;
import com.example.dunning.workflows.reconciliation.SweepNow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** The reconciliation workflow with mocked activities and skipped time. */
class ReconciliationWorkflowTest {

  private static final Duration EVERY = Duration.ofMinutes(15);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final ReconciliationActivities activities =
      mockActivities(ReconciliationActivities.class);

  @RegisterExtension final HistoryRecorder histories = HistoryRecorder.reconciliation(() -> client);

  @BeforeEach
  void startTemporal() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(DunningIds.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(ReconciliationWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    client = env.getWorkflowClient();
    when(activities.settings()).thenReturn(new ReconciliationSettings(EVERY, Duration.ofDays(35)));
    when(activities.startMissingDunnings(any())).thenReturn(new ListingResult(250, 2, 0));
    when(activities.checkOpenDunnings(any()))
        .thenReturn(new CheckResult(100, 1, 0, "dunning-stripe-in_100", true))
        .thenReturn(new CheckResult(40, 0, 1, "dunning-stripe-in_140", false));
    env.start();
  }

  @AfterEach
  void stopTemporal() {
    env.close();
  }

  @Test
  void givenAStart_itShouldSweepAtOnceAndRecordWhatEachHalfDid() {
    ReconciliationStart.ensureRunning(client);
    env.sleep(Duration.ofMinutes(1));

    ArgumentCaptor<SweepSummary> summary = ArgumentCaptor.forClass(SweepSummary.class);
    verify(activities).sweepFinished(summary.capture());
    assertThat(summary.getValue())
        .extracting(
            SweepSummary::invoicesScanned,
            SweepSummary::dunningsStarted,
            SweepSummary::dunningsChecked,
            SweepSummary::dunningsEnded,
            SweepSummary::errors)
        .containsExactly(250, 2, 140, 1, 1);
    verify(activities).sweepStarted(argThat(s -> s.sweepId().equals(summary.getValue().sweepId())));
    verify(activities)
        .checkOpenDunnings(argThat(r -> "dunning-stripe-in_100".equals(r.afterDunningId())));
    ReconciliationState state = reconciliation().state();
    assertThat(state.sweeps()).isEqualTo(1);
    Instant due = summary.getValue().finishedAt().plus(EVERY);
    assertThat(state.nextSweepAt()).isBetween(due, due.plusSeconds(1));
  }

  @Test
  void givenASecondStart_itShouldReachTheRunningWorkflow() {
    WorkflowExecution first = ReconciliationStart.ensureRunning(client);
    WorkflowExecution second = ReconciliationStart.ensureRunning(client);

    assertThat(second.getRunId()).isEqualTo(first.getRunId());
  }

  @Test
  void givenItRuns_itShouldSweepEveryIntervalOnADurableTimer() {
    ReconciliationStart.ensureRunning(client);
    env.sleep(EVERY.multipliedBy(3).plusMinutes(1));

    verify(activities, times(4)).sweepFinished(any());
    assertThat(reconciliation().state().sweeps()).isEqualTo(4);
  }

  @Test
  void givenManySweeps_itShouldContinueAsNewAndKeepEachHistoryShort() {
    start(new ReconciliationRun(10, null, 0, null));
    env.sleep(EVERY.multipliedBy(60).plusMinutes(1));

    assertThat(reconciliation().state().sweeps()).isEqualTo(61);
    WorkflowExecutionHistory current = client.fetchHistory(ReconciliationWorkflow.WORKFLOW_ID);
    assertThat(current.getEvents().size()).isLessThan(10 * 40);
    assertThat(current.getEvents().get(0).getWorkflowExecutionStartedEventAttributes())
        .matches(started -> !started.getContinuedExecutionRunId().isEmpty(), "continued");
    assertThat(
            client
                .newUntypedWorkflowStub(ReconciliationWorkflow.WORKFLOW_ID)
                .describe()
                .getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    List<WorkflowExecutionHistory> runs =
        HistoryRecorder.runs(client, ReconciliationWorkflow.WORKFLOW_ID);
    assertThat(runs).hasSizeGreaterThan(1);
    assertThat(runs.subList(0, runs.size() - 1))
        .allSatisfy(
            run ->
                assertThat(run.getLastEvent().getEventType())
                    .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW));
  }

  @Test
  void givenAPause_itShouldSweepNoMoreUntilResumed() {
    ReconciliationWorkflow reconciliation = start(ReconciliationRun.first());
    env.sleep(Duration.ofMinutes(1));
    reconciliation.pause(new PauseReconciliation("alice"));
    env.sleep(EVERY.multipliedBy(10));

    verify(activities, times(1)).sweepFinished(any());
    assertThat(reconciliation.state().pausedBy()).isEqualTo("alice");

    reconciliation.resume(new ResumeReconciliation("alice"));
    env.sleep(Duration.ofMinutes(1));

    verify(activities, times(2)).sweepFinished(any());
    assertThat(reconciliation.state().pausedBy()).isNull();
  }

  @Test
  void givenSweepNow_itShouldSweepWithoutWaitingForTheInterval() {
    ReconciliationWorkflow reconciliation = start(ReconciliationRun.first());
    env.sleep(Duration.ofMinutes(1));

    reconciliation.sweepNow(new SweepNow("bob"));
    env.sleep(Duration.ofSeconds(10));

    verify(activities, times(2)).sweepFinished(any());
  }

  @Test
  void givenAListingThatKeepsFailing_itShouldStillCheckTheOpenDunningsAndRecordTheError() {
    when(activities.startMissingDunnings(any()))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("stripe refused our key", "auth"));
    ReconciliationStart.ensureRunning(client);
    env.sleep(Duration.ofMinutes(1));

    verify(activities, times(2)).checkOpenDunnings(any());
    verify(activities).sweepFinished(argThat(s -> s.errors() == 2 && s.dunningsEnded() == 1));
    env.sleep(EVERY);
    verify(activities, atLeast(2)).startMissingDunnings(any());
  }

  @Test
  void givenTheCurrentDetails_itShouldTellTheLastSweepAndTheNextOne() {
    ReconciliationStart.ensureRunning(client);
    env.sleep(Duration.ofMinutes(1));

    // What the Temporal UI reads as the workflow's current details.
    WorkflowMetadata metadata =
        client
            .newUntypedWorkflowStub(ReconciliationWorkflow.WORKFLOW_ID)
            .query("__temporal_workflow_metadata", WorkflowMetadata.class);
    assertThat(metadata.getCurrentDetails())
        .contains("Next sweep at")
        .contains("250 invoices scanned, 2 dunnings started, 140 checked, 1 ended, 1 errors");
    assertThat(
            client.fetchHistory(ReconciliationWorkflow.WORKFLOW_ID).getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
                .count())
        .isEqualTo(1);
  }

  private ReconciliationWorkflow start(ReconciliationRun run) {
    ReconciliationWorkflow reconciliation =
        client.newWorkflowStub(
            ReconciliationWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ReconciliationWorkflow.WORKFLOW_ID)
                .setTaskQueue(DunningIds.TASK_QUEUE)
                .build());
    WorkflowClient.start(reconciliation::run, run);
    return reconciliation;
  }

  private ReconciliationWorkflow reconciliation() {
    return client.newWorkflowStub(ReconciliationWorkflow.class, ReconciliationWorkflow.WORKFLOW_ID);
  }
}
