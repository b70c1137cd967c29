package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.model.DunningCarryOver;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;

/**
 * Records in PostgreSQL the events that signals added to the journal, and continues the dunning as
 * new, carrying where it stands, once that made its history long: a flood of signals is carried
 * over, not drained first.
 */
final class DunningContinuation {

  /**
   * Well below Temporal's warning at 10,240 events; a whole dunning without signals stays under.
   */
  static final int HISTORY_LIMIT = 2_000;

  /** Events recorded by one call: a burst of signals costs one call per this many. */
  private static final int RECORDED_PER_CALL = 50;

  private final DunningCase dunning;
  private final DunningRecordActivities records;
  private final boolean inBatches;

  /**
   * @param inBatches since {@link DunningVersions#FEWER_ACTIONS}: a local activity's marker is
   *     written only when the workflow task ends, so one call per event would grow the history
   *     unseen by the check for a long history
   */
  DunningContinuation(DunningCase dunning, DunningRecordActivities records, boolean inBatches) {
    this.dunning = dunning;
    this.records = records;
    this.inBatches = inBatches;
  }

  /** The history has grown long enough that the dunning should continue as new. */
  static boolean isHistoryLong() {
    WorkflowInfo info = Workflow.getInfo();
    return info.isContinueAsNewSuggested() || info.getHistoryLength() >= HISTORY_LIMIT;
  }

  /** Records every event signals logged, wherever the dunning is. */
  void recordAll() {
    while (dunning.journal().hasUnrecorded()) {
      recordSome();
    }
  }

  /**
   * Records what signals logged, continuing as new whenever the history has grown long. Called only
   * while waiting for a step, before anything of it has run, so no charge or notice of a step is
   * repeated by the next run, which goes on waiting for the same step.
   */
  void recordOrContinueAsNew() {
    continueAsNewIfLong();
    while (dunning.journal().hasUnrecorded()) {
      recordSome();
      continueAsNewIfLong();
    }
  }

  /** One call's worth: a batch, or before {@code inBatches} one event. */
  private void recordSome() {
    if (inBatches) {
      records.recordEvents(dunning.journal().takeUnrecorded(RECORDED_PER_CALL));
    } else {
      records.recordEvent(dunning.journal().takeUnrecorded(1).get(0));
    }
  }

  private void continueAsNewIfLong() {
    if (!isHistoryLong() || dunning.isResolved()) {
      return; // a resolution is acted on in this run, never carried over
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    DunningCarryOver carried = dunning.carryOver(DunningHandlers.now());
    Workflow.continueAsNew(dunning.request().continuedFrom(carried));
  }
}
