package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.PackageActivities;
import com.example.dunning.workflows.activities.PaymentActivities;
import io.temporal.workflow.Workflow;

/**
 * The activities a dunning calls, as this run of it calls them.
 *
 * <p>Since {@link DunningVersions#FEWER_ACTIONS} every call is a local activity: each is one short
 * request (a provider read or charge, an SMTP or SMS send, a keyed PostgreSQL write) with an
 * idempotency key from the workflow, so it needs no task queue of its own. Temporal Cloud bills all
 * the local activities of one workflow task as one action, where each activity is one (plus one per
 * retry). Dunnings started before keep their activities ({@link Workflow#DEFAULT_VERSION}), so
 * their histories replay unchanged.
 */
record DunningActivityStubs(
    PaymentActivities payments,
    PackageActivities packages,
    DunningRecordActivities records,
    NotificationActivities notifications) {

  /** The stubs for a run with or without {@link DunningVersions#FEWER_ACTIONS}. */
  static DunningActivityStubs of(boolean fewerActions) {
    if (fewerActions) {
      return new DunningActivityStubs(
          Workflow.newLocalActivityStub(
              PaymentActivities.class, DunningActivityOptions.LOCAL_PROVIDER),
          Workflow.newLocalActivityStub(
              PackageActivities.class, DunningActivityOptions.LOCAL_PROVIDER),
          Workflow.newLocalActivityStub(
              DunningRecordActivities.class, DunningActivityOptions.LOCAL_RECORD),
          Workflow.newLocalActivityStub(
              NotificationActivities.class, DunningActivityOptions.LOCAL_NOTIFICATION));
    }
    return new DunningActivityStubs(
        Workflow.newActivityStub(PaymentActivities.class, DunningActivityOptions.PROVIDER),
        Workflow.newActivityStub(PackageActivities.class, DunningActivityOptions.PROVIDER),
        Workflow.newActivityStub(DunningRecordActivities.class, DunningActivityOptions.RECORD),
        Workflow.newActivityStub(
            NotificationActivities.class, DunningActivityOptions.NOTIFICATION));
  }
}
