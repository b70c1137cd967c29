package com.example.dunning.api.dunnings;

import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import java.time.Instant;

/**
 * Where the running workflow stands, from its {@code state} query.
 *
 * @param nextStep the policy step that runs next; null when none is left
 * @param pausedUntil when a pause with an end ends; null when not paused or paused until resumed
 * @param pausedUntilResumed paused with no end
 * @param retriesBlocked a hard decline stopped the retries until the payment method changes
 * @param result how it ended; null while it runs
 * @param payment the invoice as the provider last reported it
 */
public record LiveState(
    DunningStatus status,
    String policyVersion,
    int attemptCount,
    String nextStep,
    Instant nextStepAt,
    Instant pausedUntil,
    boolean pausedUntilResumed,
    boolean retriesBlocked,
    DunningResult result,
    PaymentDetails payment) {

  public static LiveState of(DunningState state) {
    if (state == null) {
      return null;
    }
    boolean untilResumed = Instant.MAX.equals(state.pausedUntil());
    return new LiveState(
        state.status(),
        state.policyVersion(),
        state.attemptCount(),
        state.nextStep(),
        state.nextStepAt(),
        untilResumed ? null : state.pausedUntil(),
        untilResumed,
        state.retriesBlocked(),
        state.result(),
        state.payment());
  }
}
