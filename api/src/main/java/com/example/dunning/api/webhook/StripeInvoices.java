package com.example.dunning.api.webhook;

import com.example.dunning.workflows.DunningIds;
import com.example.dunning.workflows.DunningStart;
import com.example.dunning.workflows.model.DunningRequest;
import com.stripe.model.Invoice;
import java.time.Instant;

/** Maps a Stripe invoice to the dunning's workflow id, request, search attributes and summary. */
final class StripeInvoices {

  static final String PROVIDER = "stripe";

  /** The intake's limit too: more than any invoice Stripe can bill (its own is 99,999,999). */
  static final long MAX_AMOUNT_DUE = 10_000_000_000L;

  private StripeInvoices() {}

  static String workflowId(Invoice invoice) {
    return workflowId(invoice.getId());
  }

  static String workflowId(String invoiceId) {
    try {
      return DunningIds.workflowId(PROVIDER, invoiceId);
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException("invoice without a usable id: " + invoiceId, e);
    }
  }

  static int attemptCount(Invoice invoice) {
    return invoice.getAttemptCount() == null ? 0 : invoice.getAttemptCount().intValue();
  }

  static Instant nextPaymentAttempt(Invoice invoice) {
    Long next = invoice.getNextPaymentAttempt();
    return next == null ? null : Instant.ofEpochSecond(next);
  }

  static DunningStart start(Invoice invoice, Instant eventCreated) {
    workflowId(invoice); // refuses an unusable invoice id as a malformed event
    long amountDue = invoice.getAmountDue() == null ? 0 : invoice.getAmountDue();
    if (amountDue < 0 || amountDue > MAX_AMOUNT_DUE) {
      throw new MalformedEventException(
          "invoice amount_due must be 0 to " + MAX_AMOUNT_DUE + " (minor units): " + amountDue);
    }
    DunningRequest request =
        new DunningRequest(
            PROVIDER,
            invoice.getId(),
            invoice.getCustomer(),
            invoice.getCustomerEmail(),
            amountDue,
            invoice.getCurrency(),
            attemptCount(invoice),
            eventCreated);
    return DunningStart.of(request, "Stripe");
  }

  /** E.g. {@code Dunning of Stripe invoice in_123: USD 10.00 owed by cus_9 (ann@example.com)}. */
  static String summary(DunningRequest request) {
    return DunningStart.summary(request, "Stripe");
  }
}
