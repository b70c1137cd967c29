package com.example.dunning.api.seed;

/**
 * A dunning's status as the workflow sees it, from {@code failed_invoice}. The workflow records
 * {@code EXPIRED} only when it closes, after the restore window (30 days by default), while the
 * package's expiry is recorded at once: a dunning whose package has expired and which has not ended
 * is {@code EXPIRED}, as its {@code DunningStatus} search attribute already says.
 */
public final class EffectiveStatus {

  /** The status column's value, corrected as above; for {@code failed_invoice} unaliased. */
  public static final String SQL =
      "(CASE WHEN ended_at IS NULL AND package_expiry_date IS NOT NULL THEN 'EXPIRED'"
          + " ELSE status END)";

  private EffectiveStatus() {}
}
