package com.example.dunning.api.seed;

/**
 * A dunning's status as the workflow sees it, from {@code failed_invoice}: a dunning whose package
 * has expired and which has not ended (it waits out the restore window) is {@code EXPIRED}, as its
 * {@code DunningStatus} search attribute says, whatever the status column holds (rows may say
 * {@code ACTIVE} until the dunning closes).
 */
public final class EffectiveStatus {

  /** The status column's value, corrected as above; for {@code failed_invoice} unaliased. */
  public static final String SQL =
      "(CASE WHEN ended_at IS NULL AND package_expiry_date IS NOT NULL THEN 'EXPIRED'"
          + " ELSE status END)";

  private EffectiveStatus() {}
}
