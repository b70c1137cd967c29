package com.example.dunning.workflows.model;

/** How a step in a dunning's log went; the log, its JSON and the database keep the name. */
public enum EntryStatus {
  SUCCESS,
  FAILED,
  /** Nothing was sent (no address, no SMS provider). */
  SKIPPED
}
