package com.example.dunning.dev;

import com.stripe.net.Webhook;
import java.security.GeneralSecurityException;
import java.time.Instant;

/**
 * The {@code Stripe-Signature} header as Stripe writes it, {@code t=<unix>,v1=<hex HMAC-SHA256 of
 * "t.payload">}: for the end-to-end tests, the reliability suite and the benchmarks, which sign
 * their deliveries to the dev stack.
 */
public final class StripeWebhookSignature {

  private StripeWebhookSignature() {}

  public static String now(String payload, String secret) {
    return at(Instant.now().getEpochSecond(), payload, secret);
  }

  public static String at(long unixSeconds, String payload, String secret) {
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
