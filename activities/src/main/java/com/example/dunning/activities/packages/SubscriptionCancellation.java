package com.example.dunning.activities.packages;

import io.temporal.failure.ApplicationFailure;

/** Cancels a subscription at the provider that bills it. */
public interface SubscriptionCancellation {

  /**
   * The type of the failure a cancellation that the provider refuses for good (no retry mends it)
   * is thrown as: the package expires all the same, and the log says why the subscription stays.
   */
  String REFUSED = "SubscriptionCancellationRefused";

  /**
   * @return true when this provider is the one asked for
   */
  boolean handles(String provider);

  /**
   * Idempotent: cancelling a cancelled subscription changes nothing.
   *
   * @throws ApplicationFailure non-retryable, of type {@link #REFUSED}, when the provider refuses
   *     for good
   */
  void cancel(String subscriptionId, String idempotencyKey);

  /** The failure for a refusal no retry mends, naming the provider and the subscription. */
  static ApplicationFailure refused(
      String provider, String subscriptionId, String why, Throwable cause) {
    return ApplicationFailure.newNonRetryableFailureWithCause(
        provider + " refused to cancel " + subscriptionId + ": " + why, REFUSED, cause);
  }
}
