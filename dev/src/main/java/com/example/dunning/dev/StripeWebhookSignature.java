package com.example.dunning.dev;

import com.stripe.net.Webhook;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.time.Instant;

/**
 * The {@code Stripe-Signature} header as Stripe writes it, {@code t=<unix>,v1=<hex HMAC-SHA256 of
 * "t.payload">}: for the end-to-end tests, the reliability suite and the benchmarks, which sign
 * their deliveries to the dev stack.
 */
public final class StripeWebhookSignature {

  private StripeWebhookSignature() {}

  /** A POST of {@code payload} to {@code endpoint}, signed now with the dev stack's secret. */
  public static HttpRequest.Builder delivery(URI endpoint, String payload) {
    return delivery(endpoint, payload, DevStack.DEV_WEBHOOK_SECRET);
  }

  /**
   * A POST of {@code payload} to {@code endpoint} as Stripe sends it, signed now with {@code
   * secret}.
   */
  public static HttpRequest.Builder delivery(URI endpoint, String payload, String secret) {
    return HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/json")
        .header("Stripe-Signature", now(payload, secret))
        .POST(HttpRequest.BodyPublishers.ofString(payload));
  }

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
