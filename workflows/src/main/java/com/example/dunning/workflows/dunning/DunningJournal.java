package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.model.DunningCarryOver;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.PaymentAttempt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The log a dunning shows in its {@code state} query, and the events that signals produced and the
 * main loop has yet to record in PostgreSQL. Event keys come from a counter kept in workflow state,
 * so they are the same on replay and a retried record activity writes nothing twice.
 */
final class DunningJournal {

  private final String dunningId;
  private final List<LogEntry> entries = new ArrayList<>();
  private final Deque<DunningEvent> unrecorded = new ArrayDeque<>();
  private int sequence;

  /** A new journal, or one that goes on from a previous run's: its keys continue from there. */
  DunningJournal(String dunningId, DunningCarryOver carried) {
    this.dunningId = dunningId;
    if (carried != null) {
      this.sequence = carried.journalSequence();
      this.entries.addAll(carried.log());
      this.unrecorded.addAll(carried.unrecorded());
    }
  }

  /** An entry whose activity has already recorded it. */
  void add(LogEntry entry) {
    entries.add(entry);
  }

  /** An entry to record by the main loop, with the status it leaves and the charge it reports. */
  void addUnrecorded(LogEntry entry, DunningStatus status, PaymentAttempt attempt) {
    entries.add(entry);
    unrecorded.add(new DunningEvent(dunningId, nextKey("event"), entry, status, attempt));
  }

  boolean hasUnrecorded() {
    return !unrecorded.isEmpty();
  }

  /** The oldest unrecorded events, at most {@code max}. */
  List<DunningEvent> takeUnrecorded(int max) {
    List<DunningEvent> taken = new ArrayList<>();
    while (taken.size() < max && !unrecorded.isEmpty()) {
      taken.add(unrecorded.poll());
    }
    return taken;
  }

  String nextKey(String what) {
    return dunningId + ":" + what + ":" + ++sequence;
  }

  List<LogEntry> entries() {
    return List.copyOf(entries);
  }

  /** The last {@code count} entries, oldest first. */
  List<LogEntry> latest(int count) {
    return List.copyOf(entries.subList(Math.max(0, entries.size() - count), entries.size()));
  }

  List<DunningEvent> unrecorded() {
    return List.copyOf(unrecorded);
  }

  int sequence() {
    return sequence;
  }
}
