package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.model.DunningRequest;
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

  private final DunningRequest request;
  private final DunningProgress progress;
  private final OperatorRequests requests;
  private final DunningJournal journal;
  private final SignalledEvents signalled;

  DunningContinuation(
      DunningRequest request,
      DunningProgress progress,
      OperatorRequests requests,
      DunningJournal journal,
      SignalledEvents signalled) {
    this.request = request;
    this.progress = progress;
    this.requests = requests;
    this.journal = journal;
    this.signalled = signalled;
  }

  /** The history has grown long enough that the dunning should continue as new. */
  static boolean isHistoryLong() {
    WorkflowInfo info = Workflow.getInfo();
    return info.isContinueAsNewSuggested() || info.getHistoryLength() >= HISTORY_LIMIT;
  }

  /**
   * Called only while waiting for a step, before anything of it has run, so no charge or notice of
   * a step is repeated by the next run.
   *
   * @param stepIndex the awaited step, where the next run goes on
   * @param dueAt when the awaited step is due, which the next run keeps
   */
  void recordSignalledEvents(int stepIndex, Instant dueAt) {
    continueAsNewIfLong(stepIndex, dueAt);
    while (signalled.arePending()) {
      signalled.recordSome();
      continueAsNewIfLong(stepIndex, dueAt);
    }
  }

  private void continueAsNewIfLong(int stepIndex, Instant dueAt) {
    if (!isHistoryLong() || progress.isClosed() || requests.isResolved()) {
      return; // a resolution is acted on in this run, never carried over
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    Workflow.continueAsNew(
        request.continuedFrom(progress.carryOver(stepIndex, dueAt, requests, journal)));
  }
}
