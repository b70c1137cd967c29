package com.example.dunning.workflows;

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
   * A local activity with unlimited attempts and no schedule-to-close timeout counts, for the SDK,
   * as one with no retry policy: it fails at its first error. So the retries get a deadline far
   * beyond any dunning.
   */
  private static final Duration LOCAL_RETRIES_FOR = Duration.ofDays(3650);

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
        .setScheduleToCloseTimeout(LOCAL_RETRIES_FOR)
        .setRetryOptions(options.getRetryOptions())
        .build();
  }

  private DunningActivityOptions() {}
}
