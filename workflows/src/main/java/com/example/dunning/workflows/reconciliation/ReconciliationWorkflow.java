package com.example.dunning.workflows.reconciliation;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The reconciliation sweep, forever: every interval it opens the dunnings whose webhook never came
 * and ends those whose invoice was settled at the provider without one. One workflow with a fixed
 * id; Temporal's test server has no Schedules, so it waits on a durable timer and continues as new
 * every {@link com.example.dunning.workflows.reconciliation.ReconciliationRun#sweepsPerRun()}
 * sweeps.
 */
@WorkflowInterface
public interface ReconciliationWorkflow {

  String TYPE = "ReconciliationWorkflow";
  String WORKFLOW_ID = "dunning-reconciliation";

  String PAUSE = "pause";
  String RESUME = "resume";
  String SWEEP_NOW = "sweepNow";
  String STATE = "state";

  @WorkflowMethod(name = TYPE)
  void run(ReconciliationRun run);

  @SignalMethod(name = PAUSE)
  void pause(PauseReconciliation command);

  @SignalMethod(name = RESUME)
  void resume(ResumeReconciliation command);

  @SignalMethod(name = SWEEP_NOW)
  void sweepNow(SweepNow command);

  @QueryMethod(name = STATE)
  ReconciliationState state();
}
