package com.example.dunning.activities.packages;

/** Cancels a subscription at the provider that bills it. */
public interface SubscriptionCancellation {

  /**
   * @return true when this provider is the one asked for
   */
  boolean handles(String provider);

  /** Idempotent: cancelling a cancelled subscription changes nothing. */
  void cancel(String subscriptionId, String idempotencyKey);
}
