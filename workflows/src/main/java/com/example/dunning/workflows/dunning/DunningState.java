package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.PaymentDetails;
import java.time.Instant;
import java.util.List;

/**
 * What the {@code state} query answers.
 *
 * @param nextStep the name of the policy step that runs next, or null when none is left
 * @param pausedUntil set while paused; {@link Instant#MAX} reads "until resumed"
 */
public record DunningState(
    String dunningId,
    DunningStatus status,
    String policyVersion,
    int attemptCount,
    String nextStep,
    Instant nextStepAt,
    Instant pausedUntil,
    boolean retriesBlocked,
    PaymentDetails payment,
    DunningResult result,
    List<LogEntry> log) {}
