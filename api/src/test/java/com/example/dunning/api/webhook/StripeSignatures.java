package com.example.dunning.api.webhook;

import com.stripe.net.Webhook;
import java.security.GeneralSecurityException;

/** Signs a payload the way Stripe does: {@code t=<unix>,v1=<hex HMAC-SHA256 of "t.payload">}. */
final class StripeSignatures {

  private StripeSignatures() {}

  static String header(String payload, String secret, long unixSeconds) {
    try {
      return "t="
          + unixSeconds
          + ",v1="
          + Webhook.Util.computeHmacSha256(secret, unixSeconds + "." + payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
