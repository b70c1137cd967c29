package com.example.dunning.workflows;

import com.example.dunning.workflows.activities.FailureTypes;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.activities.PaymentActivities.PaymentRef;
import com.example.dunning.workflows.model.PaymentDetails;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** What the billing provider says of the dunning's invoice. */
final class ProviderInvoice {

  private static final Duration CREDENTIALS_RETRY = Duration.ofHours(1);

  private final PaymentActivities payments;
  private final PaymentRef invoice;

  ProviderInvoice(PaymentActivities payments, String provider, String invoiceId) {
    this.payments = payments;
    this.invoice = new PaymentRef(provider, invoiceId);
  }

  /**
   * The provider's answer, or null when it does not know the invoice. Refused credentials are a
   * matter for an operator, not a reason to lose the dunning: it asks again every hour meanwhile.
   */
  PaymentDetails ask() {
    while (true) {
      try {
        return payments.fetchPayment(invoice);
      } catch (ActivityFailure failure) {
        String type =
            failure.getCause() instanceof ApplicationFailure cause ? cause.getType() : null;
        if (FailureTypes.INVOICE_NOT_FOUND.equals(type)) {
          return null;
        }
        if (!FailureTypes.PROVIDER_AUTHENTICATION.equals(type)) {
          throw failure;
        }
        Workflow.setCurrentDetails("The provider refused our credentials; asking again in an hour");
        Workflow.sleep(CREDENTIALS_RETRY);
      }
    }
  }
}
