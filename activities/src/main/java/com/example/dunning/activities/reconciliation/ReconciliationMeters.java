package com.example.dunning.activities.reconciliation;

import com.example.dunning.workflows.activities.ReconciliationActivities.SweepSummary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The sweeps as Micrometer counters, e.g. {@code dunning_reconciliation_sweeps_total}. */
final class ReconciliationMeters {

  private final Counter sweeps;
  private final Counter scanned;
  private final Counter started;
  private final Counter checked;
  private final Counter ended;
  private final Counter errors;

  ReconciliationMeters(MeterRegistry registry) {
    sweeps = counter(registry, "dunning.reconciliation.sweeps", "finished sweeps");
    scanned =
        counter(registry, "dunning.reconciliation.invoices.scanned", "invoices listed at Stripe");
    started =
        counter(
            registry,
            "dunning.reconciliation.dunnings.started",
            "dunnings opened for a failed invoice whose webhook never came");
    checked =
        counter(
            registry,
            "dunning.reconciliation.dunnings.checked",
            "open dunnings asked about at their provider");
    ended =
        counter(
            registry,
            "dunning.reconciliation.dunnings.ended",
            "dunnings told that their invoice was settled at the provider");
    errors = counter(registry, "dunning.reconciliation.errors", "invoices or steps that failed");
  }

  void count(SweepSummary summary) {
    sweeps.increment();
    scanned.increment(summary.invoicesScanned());
    started.increment(summary.dunningsStarted());
    checked.increment(summary.dunningsChecked());
    ended.increment(summary.dunningsEnded());
    errors.increment(summary.errors());
  }

  private static Counter counter(MeterRegistry registry, String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }
}
