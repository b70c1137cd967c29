package com.example.dunning.activities.payment;

import static com.example.dunning.workflows.activities.FailureTypes.INVOICE_NOT_FOUND;
import static com.example.dunning.workflows.activities.FailureTypes.PROVIDER_AUTHENTICATION;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import io.temporal.failure.ApplicationFailure;

/**
 * Turns Stripe's errors into what Temporal should do with them: permanent ones fail the activity
 * for good, transient ones (429, 5xx, network) are thrown as they are, and Temporal retries them
 * with backoff.
 */
final class StripeFailures {

  static final String PROVIDER = "stripe";

  private StripeFailures() {}

  static RuntimeException translate(StripeException e, String invoiceId) {
    if (isRefusedCredentials(e)) {
      return ApplicationFailure.newNonRetryableFailureWithCause(
          "stripe refused our API key (" + e.getStatusCode() + "): " + e.getMessage(),
          PROVIDER_AUTHENTICATION,
          e);
    }
    if (isNotFound(e)) {
      return ApplicationFailure.newNonRetryableFailureWithCause(
          "stripe has no invoice " + invoiceId + ": " + e.getMessage(), INVOICE_NOT_FOUND, e);
    }
    if (e instanceof ApiConnectionException) {
      return new StripeUnavailable("stripe is unreachable: " + e.getMessage(), e);
    }
    return new StripeUnavailable(
        "stripe answered "
            + e.getStatusCode()
            + " for invoice "
            + invoiceId
            + ": "
            + e.getMessage(),
        e);
  }

  /** 401 (the key is wrong or revoked) or 403 (the key may not do this). */
  static boolean isRefusedCredentials(StripeException e) {
    return e instanceof AuthenticationException || e instanceof PermissionException;
  }

  static boolean isNotFound(StripeException e) {
    return e instanceof InvalidRequestException && Integer.valueOf(404).equals(e.getStatusCode());
  }

  /** A transient failure: Temporal retries the activity. */
  static final class StripeUnavailable extends RuntimeException {
    StripeUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
