package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.activities.DunningRecordActivities;

/** Records in PostgreSQL the events that signals added to the journal. */
final class SignalledEvents {

  /** Events recorded by one call: a burst of signals costs one call per this many. */
  private static final int RECORDED_PER_CALL = 50;

  private final DunningJournal journal;
  private final DunningRecordActivities records;
  private final boolean inBatches;

  /**
   * @param inBatches since {@link DunningVersions#FEWER_ACTIONS}: a local activity's marker is
   *     written only when the workflow task ends, so one call per event would grow the history
   *     unseen by the check for a long history
   */
  SignalledEvents(DunningJournal journal, DunningRecordActivities records, boolean inBatches) {
    this.journal = journal;
    this.records = records;
    this.inBatches = inBatches;
  }

  boolean arePending() {
    return journal.hasUnrecorded();
  }

  void recordAll() {
    while (journal.hasUnrecorded()) {
      recordSome();
    }
  }

  /** One call's worth: a batch, or before {@code inBatches} one event. */
  void recordSome() {
    if (inBatches) {
      records.recordEvents(journal.takeUnrecorded(RECORDED_PER_CALL));
    } else {
      records.recordEvent(journal.takeUnrecorded());
    }
  }
}
