package com.example.dunning.api.webhook;

import com.example.dunning.workflows.client.DunningStart;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.DunningRequest;
import java.time.Instant;

/**
 * The fields of a Stripe invoice the intake reads, and the dunning it opens: workflow id, request,
 * search attributes and summary.
 *
 * @param nextPaymentAttempt null when Stripe will not try again by itself
 */
record StripeInvoice(
    String id,
    String customer,
    String customerEmail,
    long amountDue,
    String currency,
    int attemptCount,
    Instant nextPaymentAttempt,
    String hostedInvoiceUrl) {

  static final String PROVIDER = "stripe";

  /** The intake's limit too: more than any invoice Stripe can bill (its own is 99,999,999). */
  static final long MAX_AMOUNT_DUE = 10_000_000_000L;

  String workflowId() {
    return workflowId(id);
  }

  static String workflowId(String invoiceId) {
    try {
      return DunningIds.workflowId(PROVIDER, invoiceId);
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException("invoice without a usable id: " + invoiceId, e);
    }
  }

  DunningStart start(Instant eventCreated) {
    workflowId(); // refuses an unusable invoice id as a malformed event
    DunningRequest request =
        new DunningRequest(
            PROVIDER, id, customer, customerEmail, amountDue, currency, attemptCount, eventCreated);
    return DunningStart.of(request, "Stripe");
  }

  /** E.g. {@code Dunning of Stripe invoice in_123: USD 10.00 owed by cus_9 (ann@example.com)}. */
  static String summary(DunningRequest request) {
    return DunningStart.summary(request, "Stripe");
  }
}
