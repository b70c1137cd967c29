package com.example.dunning.activities.payment;

import static com.example.dunning.workflows.activities.FailureTypes.INVOICE_NOT_FOUND;
import static com.example.dunning.workflows.activities.FailureTypes.MALFORMED_ANSWER;
import static com.example.dunning.workflows.activities.FailureTypes.PROVIDER_AUTHENTICATION;
import static com.example.dunning.workflows.activities.FailureTypes.PROVIDER_NOT_CONFIGURED;

import com.example.dunning.workflows.model.ChargeResult;
import io.temporal.failure.ApplicationErrorCategory;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;

/** The failures every provider adapter raises, worded alike. */
final class ProviderFailures {

  /** A provider that is down or throttling us: Temporal retries the activity. */
  static final String UNAVAILABLE = "ProviderUnavailable";

  static final String CHARGE_NOT_SUPPORTED = "charge_not_supported";

  private ProviderFailures() {}

  static ApplicationFailure notFound(String provider, String invoiceId, String why) {
    return ApplicationFailure.newNonRetryableFailure(
        provider + " has no invoice " + invoiceId + ": " + why, INVOICE_NOT_FOUND);
  }

  /** Benign for Temporal's own logging: {@link CredentialAlarm} says it once, with the provider. */
  static ApplicationFailure authentication(String provider, int status, String detail) {
    return ApplicationFailure.newBuilder()
        .setMessage(provider + " refused our credentials (" + status + "): " + detail)
        .setType(PROVIDER_AUTHENTICATION)
        .setNonRetryable(true)
        .setCategory(ApplicationErrorCategory.BENIGN)
        .build();
  }

  static ApplicationFailure notConfigured(String provider, String settings) {
    return ApplicationFailure.newNonRetryableFailure(
        provider + " is not configured in this worker: set " + settings, PROVIDER_NOT_CONFIGURED);
  }

  /**
   * @param field the path of the field in the provider's answer, e.g. {@code
   *     data.attributes.amount.currency}
   */
  static ApplicationFailure malformed(String provider, String field, String problem) {
    return ApplicationFailure.newNonRetryableFailure(
        provider + " answered with " + field + " " + problem, MALFORMED_ANSWER);
  }

  /**
   * @param retryAfter what the provider asked for, or null for Temporal's backoff
   */
  static ApplicationFailure unavailable(String provider, String problem, Duration retryAfter) {
    return ApplicationFailure.newBuilder()
        .setMessage(provider + " " + problem)
        .setType(UNAVAILABLE)
        .setNextRetryDelay(retryAfter)
        .build();
  }

  /**
   * The providers whose APIs here only read: they collect by themselves, so the dunning's policy
   * leaves the retries to them; a charge asked for by hand is answered, not failed.
   */
  static ChargeResult chargeNotSupported(String provider) {
    return new ChargeResult(
        false,
        CHARGE_NOT_SUPPORTED,
        null,
        false,
        false,
        provider + " collects the invoice itself; its API offers no charge to retry");
  }
}
