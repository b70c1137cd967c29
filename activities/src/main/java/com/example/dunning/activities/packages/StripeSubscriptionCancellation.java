package com.example.dunning.activities.packages;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import org.springframework.stereotype.Component;

@Component
class StripeSubscriptionCancellation implements SubscriptionCancellation {

  private final StripeClient stripe;

  StripeSubscriptionCancellation(StripeClient stripe) {
    this.stripe = stripe;
  }

  @Override
  public boolean handles(String provider) {
    return "stripe".equals(provider);
  }

  @Override
  public void cancel(String subscriptionId, String idempotencyKey) {
    try {
      stripe
          .v1()
          .subscriptions()
          .cancel(
              subscriptionId, RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
    } catch (InvalidRequestException e) {
      if (!"resource_missing".equals(e.getCode())) {
        throw new IllegalStateException(
            "Stripe refused to cancel " + subscriptionId + ": " + e.getMessage(), e);
      }
      // Already gone: the cancellation it asked for holds.
    } catch (StripeException e) {
      throw new IllegalStateException(
          "Stripe: cancelling " + subscriptionId + " failed: " + e.getMessage(), e);
    }
  }
}
