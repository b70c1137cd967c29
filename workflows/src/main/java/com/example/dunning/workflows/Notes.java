package com.example.dunning.workflows;

import com.example.dunning.workflows.model.PaymentDetails;

/** The wording of log notes and outcome reasons. */
final class Notes {

  private Notes() {}

  static String failure(PaymentDetails payment) {
    return "attempt "
        + payment.attemptCount()
        + optional(": ", payment.failureCode())
        + optional(" / ", payment.declineCode());
  }

  static String who(String by) {
    return by == null || by.isBlank() ? "an operator" : by;
  }

  /** {@code prefix + value}, or nothing when there is no value. */
  static String optional(String prefix, String value) {
    return value == null || value.isBlank() ? "" : prefix + value;
  }
}
