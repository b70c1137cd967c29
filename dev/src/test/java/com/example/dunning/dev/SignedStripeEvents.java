package com.example.dunning.dev;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

  /** The {@code Stripe-Signature} header: {@code t=<unix>,v1=<HMAC-SHA256 of "t.payload">}. */
  static String signature(String payload, String secret) {
    try {
      long t = Instant.now().getEpochSecond();
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
