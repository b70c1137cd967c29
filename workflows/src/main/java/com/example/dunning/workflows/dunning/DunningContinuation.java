package com.example.dunning.workflows.dunning;

import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.time.Instant;

/**
 * Records what signals produced, and continues the dunning as new, carrying where it stands, once
 * that made its history long: a flood of signals is carried over, not drained first.
 */
final class DunningContinuation {

  /**
   * Well below Temporal's warning at 10,240 events; a whole dunning without signals stays under.
   */
  static final int HISTORY_LIMIT = 2_000;

  private final DunningCase dunning;
  private final SignalledEvents signalled;

  DunningContinuation(DunningCase dunning, SignalledEvents signalled) {
    this.dunning = dunning;
    this.signalled = signalled;
  }

  /** The history has grown long enough that the dunning should continue as new. */
  static boolean isHistoryLong() {
    WorkflowInfo info = Workflow.getInfo();
    return info.isContinueAsNewSuggested() || info.getHistoryLength() >= HISTORY_LIMIT;
  }

  /**
   * Called only while waiting for a step, before anything of it has run, so no charge or notice of
   * a step is repeated by the next run, which goes on waiting for the same step.
   *
   * @param dueAt when the awaited step is due, which the next run keeps
   */
  void recordSignalledEvents(Instant dueAt) {
    continueAsNewIfLong(dueAt);
    while (signalled.arePending()) {
      signalled.recordSome();
      continueAsNewIfLong(dueAt);
    }
  }

  private void continueAsNewIfLong(Instant dueAt) {
    if (!isHistoryLong() || dunning.isResolved()) {
      return; // a resolution is acted on in this run, never carried over
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    Workflow.continueAsNew(dunning.request().continuedFrom(dunning.carryOver(dueAt)));
  }
}
