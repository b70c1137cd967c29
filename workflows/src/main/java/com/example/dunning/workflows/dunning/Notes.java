package com.example.dunning.workflows.dunning;

/** The words shared by log notes and outcome reasons. */
final class Notes {

  private Notes() {}

  static String who(String by) {
    return by == null || by.isBlank() ? "an operator" : by;
  }

  /** {@code prefix + value}, or nothing when there is no value. */
  static String optional(String prefix, String value) {
    return value == null || value.isBlank() ? "" : prefix + value;
  }
}
