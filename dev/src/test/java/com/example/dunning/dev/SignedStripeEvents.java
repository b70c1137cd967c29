package com.example.dunning.dev;

import java.time.Instant;

/** Stripe event bodies for an invoice, signed the way Stripe signs its webhooks. */
final class SignedStripeEvents {

  private SignedStripeEvents() {}

  static String invoiceEvent(String type, String invoiceId, int attemptCount) {
    return """
        {"id": "evt_%s_%s", "object": "event", "type": "%s", "created": %d,
         "data": {"object": {"id": "%s", "object": "invoice", "customer": "cus_demo",
           "customer_email": "jenny.rosen@example.com", "amount_due": 1999, "currency": "usd",
           "attempt_count": %d, "status": "%s"}}}
        """
        .formatted(
            invoiceId,
            type,
            type,
            Instant.now().getEpochSecond(),
            invoiceId,
            attemptCount,
            type.equals("invoice.paid") ? "paid" : "open");
  }
}
