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
   * A local activity with unlimited attempts (0) and no schedule-to-close timeout counts, for the
   * SDK, as one with no retry policy: it fails at its first error. So local retries are bounded by
   * a number of attempts no dunning reaches (at most 10 minutes apart: 40,000 years), not by a
   * schedule-to-close timeout: for each local activity with such a timeout the SDK schedules a
   * timeout task on a {@code ScheduledThreadPoolExecutor}, which keeps the task, cancelled once the
   * activity completes, with the activity's input, until it would have fired. With the 10-year
   * timeout used before, every local activity the worker ever ran stayed in its heap (measured:
   * 47,000 tasks, 4 to 5 per dunning, after 10,000 dunnings had run their first step).
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
