package com.example.dunning.workflows.activities;

import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.PaymentDetails;
import io.temporal.activity.ActivityInterface;

/** The billing provider: what it says of an invoice, and a retried charge. */
@ActivityInterface
public interface PaymentActivities {

  PaymentDetails fetchPayment(PaymentRef ref);

  /**
   * Charges the invoice once. The provider deduplicates on {@code idempotencyKey}, so a retried
   * activity never charges twice. The attempt is recorded with the dunning's payments.
   */
  ChargeResult retryCharge(ChargeRequest request);

  record PaymentRef(String provider, String invoiceId) {}

  record ChargeRequest(
      String dunningId, String provider, String invoiceId, String idempotencyKey) {}
}
