package com.example.dunning.workflows.reconciliation;

import com.example.dunning.workflows.activities.ReconciliationActivities.SweepSummary;
import java.time.Duration;
import java.time.Instant;

/**
 * What the reconciliation workflow's {@code state} query answers.
 *
 * @param pausedBy who paused the sweeps; null while they run
 * @param sweeps sweeps done since the workflow first started
 * @param nextSweepAt when the next sweep is due; null while one runs or while paused
 */
public record ReconciliationState(
    String pausedBy, long sweeps, Duration every, Instant nextSweepAt, SweepSummary lastSweep) {}
