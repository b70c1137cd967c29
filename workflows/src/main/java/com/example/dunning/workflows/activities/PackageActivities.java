package com.example.dunning.workflows.activities;

import com.example.dunning.workflows.model.PaymentDetails;
import io.temporal.activity.ActivityInterface;

/** The customer's package (what the subscription pays for): expired at the end of grace. */
@ActivityInterface
public interface PackageActivities {

  /** Expires the package, and cancels the subscription at the provider when asked. Idempotent. */
  void expirePackage(PackageChange change);

  /** Gives the package back after a late payment. Idempotent. */
  void restorePackage(PackageChange change);

  record PackageChange(String dunningId, PaymentDetails payment, boolean cancelSubscription) {}
}
