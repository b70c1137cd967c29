package com.example.dunning.workflows.activities;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * How the reconciliation and the customer's coordinator call our own PostgreSQL: each write is
 * retried until it answers, since an outage of our database delays them and must lose nothing.
 */
public final class DatabaseWrites {

  public static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(20))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(2))
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .build())
          .build();

  private DatabaseWrites() {}
}
