package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.PackageActivities;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.conversation.ConversationActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The activities a dunning calls, as this run of it calls them, with timeouts and retries per
 * channel. Retries are unbounded on purpose: a provider, SMTP or database outage delays a dunning,
 * it never loses a step; permanent errors come back as non-retryable failures or as results.
 *
 * <p>Since {@link DunningVersions#FEWER_ACTIONS} every call is a local activity: each is one short
 * request with an idempotency key from the workflow, and Temporal Cloud bills the local activities
 * of one workflow task as one action. Dunnings started before keep their activities, so their
 * histories replay unchanged.
 */
record DunningActivityStubs(
    PaymentActivities payments,
    PackageActivities packages,
    DunningRecordActivities records,
    NotificationActivities notifications,
    ConversationActivities conversations) {

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
  static final ActivityOptions PROVIDER = remote(Duration.ofSeconds(60));

  /** SMTP and the SMS provider. */
  static final ActivityOptions NOTIFICATION = remote(Duration.ofSeconds(60));

  /** The customer's coordinator, asked before a notice (an update-with-start). */
  static final ActivityOptions COORDINATOR = remote(Duration.ofSeconds(30));

  /** Writes to our own PostgreSQL. */
  static final ActivityOptions RECORD = remote(Duration.ofSeconds(20));

  /** The stubs for a run with or without {@link DunningVersions#FEWER_ACTIONS}. */
  static DunningActivityStubs of(boolean fewerActions) {
    return new DunningActivityStubs(
        stub(PaymentActivities.class, PROVIDER, fewerActions),
        stub(PackageActivities.class, PROVIDER, fewerActions),
        stub(DunningRecordActivities.class, RECORD, fewerActions),
        stub(NotificationActivities.class, NOTIFICATION, fewerActions),
        stub(ConversationActivities.class, COORDINATOR, fewerActions));
  }

  /** A local activity with the {@code options}' timeout and retries, or (before) a remote one. */
  private static <T> T stub(Class<T> activities, ActivityOptions options, boolean local) {
    return local
        ? Workflow.newLocalActivityStub(activities, local(options))
        : Workflow.newActivityStub(activities, options);
  }

  private static ActivityOptions remote(Duration startToClose) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(UNTIL_IT_WORKS)
        .build();
  }

  /**
   * The same calls as local activities. Their retries run in the worker; a retry that waits longer
   * than the local retry threshold waits on a workflow timer instead, so an outage still delays the
   * dunning and loses nothing.
   */
  static LocalActivityOptions local(ActivityOptions options) {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(options.getStartToCloseTimeout())
        .setRetryOptions(
            RetryOptions.newBuilder(options.getRetryOptions())
                .setMaximumAttempts(LOCAL_ATTEMPTS)
                .build())
        .build();
  }
}
