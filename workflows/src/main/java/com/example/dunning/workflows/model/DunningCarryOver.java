package com.example.dunning.workflows.model;

import com.example.dunning.workflows.policy.DunningSettings;
import java.time.Instant;
import java.util.List;

/**
 * Where a dunning stood when its history grew long and it continued as new: the next run starts
 * waiting for step {@code stepIndex} instead of opening the dunning again.
 *
 * @param nextStepAt when the step is due; while paused, when it would be due if resumed now
 * @param pausedUntil null when not paused, {@link Instant#MAX} for "until resumed"
 * @param journalSequence the counter the record keys continue from, so none is used twice
 * @param log the latest entries of the log the {@code state} query shows
 * @param unrecorded events that signals produced and the previous run had yet to record
 */
public record DunningCarryOver(
    DunningSettings settings,
    PaymentDetails payment,
    int stepIndex,
    String nextStep,
    Instant nextStepAt,
    int attemptCount,
    boolean retriesBlocked,
    Instant pausedUntil,
    String retryRequestedBy,
    AuthenticationRequired authenticationNotice,
    int lastAuthenticationNoticeAttempt,
    int journalSequence,
    List<LogEntry> log,
    List<DunningEvent> unrecorded) {}
