package com.example.dunning.workflows.reconciliation;

import com.example.dunning.workflows.activities.ReconciliationActivities.SweepSummary;

/**
 * The input of one run of the reconciliation workflow: what a run carries to the next when it
 * continues as new.
 *
 * @param sweepsPerRun sweeps before the workflow continues as new, which keeps its history short
 * @param pausedBy who paused the sweeps; null while they run
 * @param sweeps sweeps done since the workflow first started
 * @param lastSweep the latest sweep, or null before the first
 */
public record ReconciliationRun(
    int sweepsPerRun, String pausedBy, long sweeps, SweepSummary lastSweep) {

  public static final int SWEEPS_PER_RUN = 100;

  /** The first run. */
  public static ReconciliationRun first() {
    return new ReconciliationRun(SWEEPS_PER_RUN, null, 0, null);
  }
}
