package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.model.DunningStatus;
import java.time.Instant;

/** The wording of log notes and outcome reasons. */
final class Notes {

  private Notes() {}

  /** What the Temporal UI shows as the dunning's current details. */
  static String details(DunningStatus status, String nextStep, Instant nextStepAt, int attempt) {
    return nextStep == null
        ? status.name()
        : status + ": next step " + nextStep + " at " + nextStepAt + " (attempt " + attempt + ")";
  }

  static String who(String by) {
    return by == null || by.isBlank() ? "an operator" : by;
  }

  /** {@code prefix + value}, or nothing when there is no value. */
  static String optional(String prefix, String value) {
    return value == null || value.isBlank() ? "" : prefix + value;
  }
}
