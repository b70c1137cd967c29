package com.example.dunning.workflows.policy;

/** What a step of the dunning policy does, after it has queried the provider. */
public enum StepAction {
  /**
   * Charge the invoice again, unless the provider retries by itself or a hard decline blocks it.
   */
  RETRY_CHARGE,
  EMAIL,
  SMS,
  EXPIRE_PACKAGE,
  /** Cancel the subscription at the provider; only meaningful beside {@link #EXPIRE_PACKAGE}. */
  CANCEL_SUBSCRIPTION
}
