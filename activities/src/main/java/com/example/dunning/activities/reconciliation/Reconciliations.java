package com.example.dunning.activities.reconciliation;

import com.example.dunning.activities.payment.StripeInvoiceSweep;
import com.example.dunning.workflows.activities.ReconciliationActivities;
import com.example.dunning.workflows.dunning.DunningIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

/**
 * The reconciliation's activities: Stripe's list API for the invoices whose webhook never came
 * (providers without a list API have only the second half), and every provider's invoice for the
 * dunnings open in our records. Each finished sweep is recorded and counted once.
 */
@Component
@ActivityImpl(taskQueues = DunningIds.TASK_QUEUE)
public class Reconciliations implements ReconciliationActivities {

  private final ReconciliationProperties properties;
  private final ReconciliationTables tables;
  private final StripeInvoiceSweep stripe;
  private final OpenDunningCheck openDunnings;
  private final ReconciliationMeters meters;

  public Reconciliations(
      ReconciliationProperties properties,
      ReconciliationTables tables,
      StripeInvoiceSweep stripe,
      OpenDunningCheck openDunnings,
      MeterRegistry registry) {
    this.properties = properties;
    this.tables = tables;
    this.stripe = stripe;
    this.openDunnings = openDunnings;
    this.meters = new ReconciliationMeters(registry);
  }

  @Override
  public ReconciliationSettings settings() {
    return new ReconciliationSettings(properties.every(), properties.lookback());
  }

  @Override
  public void sweepStarted(SweepStarted started) {
    tables.insertStarted(started.sweepId(), started.startedAt());
  }

  @Override
  public ListingResult startMissingDunnings(ListingRequest request) {
    return stripe.startMissing(request, tables::hasDunning);
  }

  @Override
  public CheckResult checkOpenDunnings(CheckRequest request) {
    return openDunnings.check(request);
  }

  @Override
  public void sweepFinished(SweepSummary summary) {
    if (tables.finish(summary)) {
      meters.count(summary);
    }
  }
}
