package com.example.dunning.workflows.dunning;

import io.temporal.workflow.Workflow;

/**
 * Every change to the dunning's commands since its first release, each behind a Temporal version
 * marker so that dunnings started before it replay as they ran. Each method is called where its
 * change takes effect: moving a call moves its marker in the history.
 */
final class DunningVersions {

  /**
   * Local activities (see {@link DunningActivityStubs}), events recorded in batches, and no upsert
   * of search attributes the start already set: a cheaper dunning on Temporal Cloud.
   */
  static final String FEWER_ACTIONS = "fewer-actions";

  /** The checkProvider signal is acted on; dunnings that received it before ignored it. */
  static final String PROVIDER_CHECK_SIGNAL = "provider-check-signal";

  /** More provider failures than refused credentials wait for an operator, not fail the dunning. */
  static final String OPERATOR_FAILURES = "provider-failures-wait-for-operator";

  /**
   * The dunning asks the customer's coordinator before each step's notice (docs/conversation.md):
   * at version 1 it waits for the moment answered and sends the notice itself; at version 2 it
   * hands its reminders to the coordinator, which sends them merged with the customer's others, and
   * goes on without waiting. Asked only by dunnings whose settings say so, so every dunning without
   * the switch issues the same commands as before.
   */
  static final String CUSTOMER_CONVERSATION = "customer-conversation";

  private DunningVersions() {}

  /** Asked once, when the workflow starts. */
  static boolean fewerActions() {
    return Workflow.getVersion(FEWER_ACTIONS, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  /** Asked when a checkProvider signal comes. */
  static boolean actsOnProviderCheck() {
    return Workflow.getVersion(PROVIDER_CHECK_SIGNAL, Workflow.DEFAULT_VERSION, 1) == 1;
  }

  /** Asked only when the provider fails in one of the ways that failed the dunning before. */
  static boolean operatorFailuresWait() {
    return Workflow.getVersion(OPERATOR_FAILURES, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  /** The coordinator sends the dunning's reminders ({@link #CUSTOMER_CONVERSATION} version 2). */
  static final int COORDINATOR_SENDS = 2;

  /**
   * Asked only by a dunning opened with the switch on, before it first asks the coordinator: 1 or
   * {@link #COORDINATOR_SENDS}.
   */
  static int customerConversation() {
    return Workflow.getVersion(CUSTOMER_CONVERSATION, Workflow.DEFAULT_VERSION, COORDINATOR_SENDS);
  }
}
