package com.example.dunning.workflows.activities;

import io.temporal.activity.ActivityInterface;
import java.time.Duration;
import java.time.Instant;

/**
 * The reconciliation sweep's work: what the providers say against what our records hold. Every
 * sweep is recorded in PostgreSQL.
 */
@ActivityInterface
public interface ReconciliationActivities {

  /** The schedule as configured now; read once per run of the reconciliation workflow. */
  ReconciliationSettings settings();

  void sweepStarted(SweepStarted started);

  /**
   * Lists the failed invoices of every provider that has a list API (Stripe) and opens the dunning
   * of each that has none. Heartbeats its cursor: a retried attempt resumes the listing where the
   * last one stopped.
   */
  ListingResult startMissingDunnings(ListingRequest request);

  /**
   * Asks the provider about one batch of the dunnings open in our records, and tells each whose
   * invoice is paid, void or uncollectible to ask again and end.
   */
  CheckResult checkOpenDunnings(CheckRequest request);

  void sweepFinished(SweepSummary summary);

  /**
   * @param every the time from one sweep to the next
   * @param lookback how far back invoices are listed
   */
  record ReconciliationSettings(Duration every, Duration lookback) {}

  record SweepStarted(String sweepId, Instant startedAt) {}

  /**
   * @param createdSince invoices created before it are left out
   */
  record ListingRequest(String sweepId, Instant createdSince) {}

  /**
   * @param scanned invoices listed
   * @param started dunnings opened for failed invoices that had none
   * @param errors invoices that could not be handled
   */
  record ListingResult(int scanned, int started, int errors) {}

  /**
   * @param afterDunningId the last dunning of the previous batch, or null for the first batch
   */
  record CheckRequest(String sweepId, String afterDunningId, int limit) {}

  /**
   * @param ended dunnings told that their invoice is settled at the provider
   * @param lastDunningId where the next batch starts; null when this batch was empty
   * @param more whether another batch may follow
   */
  record CheckResult(int checked, int ended, int errors, String lastDunningId, boolean more) {}

  /**
   * One sweep as recorded.
   *
   * @param checked open dunnings asked about at their provider
   */
  record SweepSummary(
      String sweepId,
      Instant startedAt,
      Instant finishedAt,
      int invoicesScanned,
      int dunningsStarted,
      int dunningsChecked,
      int dunningsEnded,
      int errors) {}
}
