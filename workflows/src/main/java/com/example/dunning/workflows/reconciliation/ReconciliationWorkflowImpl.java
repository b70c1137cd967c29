package com.example.dunning.workflows.reconciliation;

import com.example.dunning.workflows.activities.DatabaseWrites;
import com.example.dunning.workflows.activities.ReconciliationActivities;
import com.example.dunning.workflows.activities.ReconciliationActivities.CheckRequest;
import com.example.dunning.workflows.activities.ReconciliationActivities.CheckResult;
import com.example.dunning.workflows.activities.ReconciliationActivities.ListingRequest;
import com.example.dunning.workflows.activities.ReconciliationActivities.ListingResult;
import com.example.dunning.workflows.activities.ReconciliationActivities.ReconciliationSettings;
import com.example.dunning.workflows.activities.ReconciliationActivities.SweepStarted;
import com.example.dunning.workflows.activities.ReconciliationActivities.SweepSummary;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;

/**
 * Sweeps, waits on a durable timer, sweeps again; continues as new after a number of sweeps so that
 * its history stays short. A sweep that fails is recorded with its errors and the next one tries
 * again: no sweep blocks the ones after it.
 */
public class ReconciliationWorkflowImpl implements ReconciliationWorkflow {

  static final int CHECK_BATCH = 100;

  /** Our own PostgreSQL, retried until it answers. */
  private final ReconciliationActivities records =
      Workflow.newActivityStub(ReconciliationActivities.class, DatabaseWrites.OPTIONS);

  /**
   * The provider's list API: a 429 or an outage is retried with backoff, resuming from the
   * heartbeated cursor; after that the sweep records an error and the next sweep lists again.
   */
  private final ReconciliationActivities listing =
      Workflow.newActivityStub(
          ReconciliationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(30))
              .setHeartbeatTimeout(Duration.ofMinutes(1))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(2))
                      .setBackoffCoefficient(2.0)
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .setMaximumAttempts(8)
                      .build())
              .build());

  private final ReconciliationActivities checks =
      Workflow.newActivityStub(
          ReconciliationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(10))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(2))
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .setMaximumAttempts(5)
                      .build())
              .build());

  private final int sweepsPerRun;
  private String pausedBy;
  private long sweeps;
  private SweepSummary lastSweep;
  private Duration every;
  private Instant nextSweepAt;
  private boolean sweepRequested;

  @WorkflowInit
  public ReconciliationWorkflowImpl(ReconciliationRun run) {
    this.sweepsPerRun = Math.max(1, run.sweepsPerRun());
    this.pausedBy = run.pausedBy();
    this.sweeps = run.sweeps();
    this.lastSweep = run.lastSweep();
  }

  @Override
  public void run(ReconciliationRun ignored) {
    ReconciliationSettings settings = records.settings();
    every = settings.every();
    for (int done = 0; done < sweepsPerRun; done++) {
      if (pausedBy != null) {
        describe();
        Workflow.await(() -> pausedBy == null);
      }
      sweepRequested = false;
      nextSweepAt = null;
      lastSweep = sweep(settings.lookback());
      sweeps++;
      nextSweepAt = now().plus(every);
      describe();
      Workflow.await(every, () -> sweepRequested && pausedBy == null);
      if (Workflow.getInfo().isContinueAsNewSuggested()) {
        break;
      }
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    Workflow.continueAsNew(new ReconciliationRun(sweepsPerRun, pausedBy, sweeps, lastSweep));
  }

  private SweepSummary sweep(Duration lookback) {
    String sweepId = "sweep-" + Workflow.randomUUID();
    Instant startedAt = now();
    records.sweepStarted(new SweepStarted(sweepId, startedAt));
    int errors = 0;
    ListingResult listed = new ListingResult(0, 0, 0);
    try {
      listed = listing.startMissingDunnings(new ListingRequest(sweepId, startedAt.minus(lookback)));
    } catch (ActivityFailure failure) {
      errors++;
    }
    int checked = 0;
    int ended = 0;
    String after = null;
    while (true) {
      CheckResult batch;
      try {
        batch = checks.checkOpenDunnings(new CheckRequest(sweepId, after, CHECK_BATCH));
      } catch (ActivityFailure failure) {
        errors++;
        break;
      }
      checked += batch.checked();
      ended += batch.ended();
      errors += batch.errors();
      if (!batch.more() || batch.lastDunningId() == null) {
        break;
      }
      after = batch.lastDunningId();
    }
    SweepSummary summary =
        new SweepSummary(
            sweepId,
            startedAt,
            now(),
            listed.scanned(),
            listed.started(),
            checked,
            ended,
            errors + listed.errors());
    records.sweepFinished(summary);
    return summary;
  }

  /** What the Temporal UI shows as the workflow's current details. */
  private void describe() {
    StringBuilder details = new StringBuilder();
    if (pausedBy != null) {
      details.append("PAUSED by ").append(pausedBy).append(". ");
    } else if (nextSweepAt != null) {
      details.append("Next sweep at ").append(nextSweepAt).append(". ");
    }
    details.append(sweeps).append(" sweeps, every ").append(every).append('.');
    if (lastSweep != null) {
      details
          .append(" Last sweep at ")
          .append(lastSweep.startedAt())
          .append(": ")
          .append(lastSweep.invoicesScanned())
          .append(" invoices scanned, ")
          .append(lastSweep.dunningsStarted())
          .append(" dunnings started, ")
          .append(lastSweep.dunningsChecked())
          .append(" checked, ")
          .append(lastSweep.dunningsEnded())
          .append(" ended, ")
          .append(lastSweep.errors())
          .append(" errors.");
    }
    Workflow.setCurrentDetails(details.toString());
  }

  private Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  @Override
  public void pause(PauseReconciliation command) {
    pausedBy = command == null || command.by() == null ? "an operator" : command.by();
  }

  @Override
  public void resume(ResumeReconciliation command) {
    pausedBy = null;
  }

  @Override
  public void sweepNow(SweepNow command) {
    sweepRequested = true;
  }

  @Override
  public ReconciliationState state() {
    return new ReconciliationState(
        pausedBy, sweeps, every, pausedBy == null ? nextSweepAt : null, lastSweep);
  }
}
