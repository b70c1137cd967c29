package com.example.dunning.activities.payment;

import com.example.dunning.workflows.activities.PaymentActivities.ChargeRequest;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.PaymentDetails;

/**
 * One billing provider's API, behind the one {@link
 * com.example.dunning.workflows.activities.PaymentActivities} the workflow calls. Failures are
 * Temporal's: non-retryable {@code ApplicationFailure}s of the {@code FailureTypes} for permanent
 * errors, anything else is retried with backoff.
 */
public interface PaymentProvider {

  /** The name a dunning carries for this provider, e.g. {@code stripe}. */
  String name();

  /**
   * @param invoiceId the invoice id as the intake recorded it, in this provider's convention
   */
  PaymentDetails fetchPayment(String invoiceId);

  ChargeResult retryCharge(ChargeRequest request);
}
