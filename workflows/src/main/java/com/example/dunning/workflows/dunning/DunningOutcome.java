package com.example.dunning.workflows.dunning;

import static com.example.dunning.workflows.model.DunningStatus.CANCELLED;
import static com.example.dunning.workflows.model.DunningStatus.EXPIRED;
import static com.example.dunning.workflows.model.DunningStatus.RECOVERED;

import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.LogTitle;

/**
 * How a dunning ends, in the words its result and its last log entry give.
 *
 * @param reason why, for the result and the log entry
 * @param title the closing log entry's title; null for no entry
 */
record DunningOutcome(DunningStatus status, String reason, LogTitle title) {

  /** An operator's resolution: a payment wins over a cancellation that came after it. */
  static DunningOutcome resolvedBy(MarkPaid paid, CancelDunning cancelled) {
    if (paid != null) {
      return new DunningOutcome(
          RECOVERED,
          "marked paid by " + Notes.who(paid.by()) + Notes.optional(": ", paid.note()),
          LogTitle.PAID);
    }
    return new DunningOutcome(
        CANCELLED,
        "cancelled by " + Notes.who(cancelled.by()) + Notes.optional(": ", cancelled.reason()),
        LogTitle.CANCELLED);
  }

  /** The provider reports the invoice paid or voided. */
  static DunningOutcome settledAtProvider(InvoiceStatus invoice) {
    boolean paid = invoice == InvoiceStatus.PAID;
    return new DunningOutcome(
        paid ? RECOVERED : CANCELLED,
        "invoice " + invoice.name().toLowerCase() + " at the provider",
        paid ? LogTitle.PAID : LogTitle.CANCELLED);
  }

  static DunningOutcome unknownAtProvider(String provider, String invoiceId) {
    return new DunningOutcome(
        CANCELLED, "invoice " + invoiceId + " not found at " + provider, LogTitle.CANCELLED);
  }

  /**
   * @param why the step or the request the charge was made for
   */
  static DunningOutcome recoveredByCharge(String why) {
    return new DunningOutcome(
        RECOVERED, "recovered by a charge retried by the dunning (" + why + ")", LogTitle.PAID);
  }

  static DunningOutcome paidAfterExpiry(MarkPaid paid) {
    return new DunningOutcome(
        RECOVERED,
        "paid after expiry (" + Notes.who(paid.by()) + "); package restored",
        LogTitle.PAID);
  }

  /** The restore window passed without a payment; the expiry was logged already. */
  static DunningOutcome notPaidAfterExpiry() {
    return new DunningOutcome(EXPIRED, "not paid within the grace period; package expired", null);
  }

  static DunningOutcome ranOutOfSteps(String policyVersion) {
    return new DunningOutcome(
        EXPIRED, "the policy " + policyVersion + " ran out of steps", LogTitle.ENDED);
  }
}
