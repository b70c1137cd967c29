package com.example.dunning.workflows.dunning;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Timeouts and retries per channel. Retries are unbounded on purpose: a provider, SMTP or database
 * outage delays a dunning, it never loses a step. Permanent errors (401/403, validation, a card
 * declined for good) come back as non-retryable failures or as results, not as retries.
 */
final class DunningActivityOptions {

  /**
   * Local retries are bounded by a number of attempts no dunning reaches (at most 10 minutes apart:
   * 40,000 years), not by a schedule-to-close timeout, whose timeout task the SDK keeps in the
   * worker's heap, with the activity's input, until it would have fired; nor left unlimited (0),
   * which without a schedule-to-close timeout the SDK reads as no retries at all.
   */
  private static final int LOCAL_ATTEMPTS = Integer.MAX_VALUE;

  private static final RetryOptions UNTIL_IT_WORKS =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(2))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofMinutes(10))
          .build();

  /** Calls to the billing provider. */
  static final ActivityOptions PROVIDER =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(60))
          .setRetryOptions(UNTIL_IT_WORKS)
          .build();

  /** SMTP and the SMS provider. */
  static final ActivityOptions NOTIFICATION =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(60))
          .setRetryOptions(UNTIL_IT_WORKS)
          .build();

  /** Writes to our own PostgreSQL. */
  static final ActivityOptions RECORD =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(20))
          .setRetryOptions(UNTIL_IT_WORKS)
          .build();

  /**
   * The same calls as local activities. Their retries run in the worker; a retry that waits longer
   * than the local retry threshold waits on a workflow timer instead, so an outage still delays the
   * dunning and loses nothing.
   */
  static final LocalActivityOptions LOCAL_PROVIDER = local(PROVIDER);

  static final LocalActivityOptions LOCAL_NOTIFICATION = local(NOTIFICATION);

  static final LocalActivityOptions LOCAL_RECORD = local(RECORD);

  private static LocalActivityOptions local(ActivityOptions options) {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(options.getStartToCloseTimeout())
        .setRetryOptions(
            RetryOptions.newBuilder(options.getRetryOptions())
                .setMaximumAttempts(LOCAL_ATTEMPTS)
                .build())
        .build();
  }

  private DunningActivityOptions() {}
}
