package com.example.dunning.activities.packages;

import com.example.dunning.activities.payment.CredentialRefusals;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Cancels a Stripe subscription under the workflow's idempotency key. A subscription Stripe no
 * longer has counts as cancelled; any other 400 is a refusal no retry mends ({@link
 * SubscriptionCancellation#REFUSED}); a refused API key (401/403) is counted and retried, so the
 * cancellation waits until the key is fixed, as the dunning's other Stripe calls do; anything else
 * (429, 5xx, network) is retried by Temporal.
 */
@Component
class StripeSubscriptionCancellation implements SubscriptionCancellation {

  private static final String PROVIDER = "stripe";

  private final StripeClient stripe;
  private final CredentialRefusals refusals;

  StripeSubscriptionCancellation(StripeClient stripe, CredentialRefusals refusals) {
    this.stripe = stripe;
    this.refusals = refusals;
  }

  @Override
  public boolean handles(String provider) {
    return PROVIDER.equals(provider);
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
        throw SubscriptionCancellation.refused(PROVIDER, subscriptionId, e.getMessage(), e);
      }
      // Already gone: the cancellation it asked for holds.
    } catch (AuthenticationException e) { // 401, and 403 (PermissionException)
      refusals.count(PROVIDER, Objects.requireNonNullElse(e.getStatusCode(), 401));
      throw new IllegalStateException(
          "Stripe refused our API key cancelling " + subscriptionId + ": " + e.getMessage(), e);
    } catch (StripeException e) {
      throw new IllegalStateException(
          "Stripe: cancelling " + subscriptionId + " failed: " + e.getMessage(), e);
    }
  }
}
