package com.example.dunning.workflows.model;

/**
 * The note of a failed payment, the same in the dunning's {@code state} and in the database: {@code
 * attempt 2: card_declined / insufficient_funds}, or {@code attempt 2: payment failed} when the
 * provider gave no code.
 */
public final class FailureNotes {

  private FailureNotes() {}

  public static String of(int attempt, String failureCode, String declineCode) {
    return "attempt " + attempt + ": " + reason(failureCode, declineCode);
  }

  /** The failure's codes, as the payments table keeps them beside the attempt. */
  public static String reason(String failureCode, String declineCode) {
    if (isBlank(failureCode)) {
      return "payment failed";
    }
    return isBlank(declineCode) ? failureCode : failureCode + " / " + declineCode;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
