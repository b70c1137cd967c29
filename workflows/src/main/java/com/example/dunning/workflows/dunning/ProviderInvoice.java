package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.activities.FailureTypes;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.activities.PaymentActivities.PaymentRef;
import com.example.dunning.workflows.model.DunningRequest;
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
  private final DunningRequest request;

  ProviderInvoice(PaymentActivities payments, DunningRequest request) {
    this.payments = payments;
    this.invoice = new PaymentRef(request.provider(), request.invoiceId());
    this.request = request;
  }

  /**
   * The provider's answer, or null when it does not know the invoice. Refused or missing
   * credentials, an adapter this worker lacks and an answer it cannot read are matters for an
   * operator, not reasons to lose the dunning: it asks again every hour meanwhile.
   */
  PaymentDetails ask() {
    while (true) {
      try {
        return request.filledIn(payments.fetchPayment(invoice));
      } catch (ActivityFailure failure) {
        String type =
            failure.getCause() instanceof ApplicationFailure cause ? cause.getType() : null;
        if (FailureTypes.INVOICE_NOT_FOUND.equals(type)) {
          return null;
        }
        String waiting = waitingFor(type);
        if (waiting == null) {
          throw failure;
        }
        Workflow.setCurrentDetails(waiting + "; asking again in an hour");
        Workflow.sleep(CREDENTIALS_RETRY);
      }
    }
  }

  private static String waitingFor(String type) {
    if (FailureTypes.PROVIDER_AUTHENTICATION.equals(type)) {
      return "The provider refused our credentials";
    }
    boolean operatorMatter =
        FailureTypes.PROVIDER_NOT_CONFIGURED.equals(type)
            || FailureTypes.UNKNOWN_PROVIDER.equals(type)
            || FailureTypes.MALFORMED_ANSWER.equals(type);
    // Asked only on these failures, which failed the dunning before: its history keeps that.
    if (!operatorMatter || !DunningVersions.operatorFailuresWait()) {
      return null;
    }
    return FailureTypes.MALFORMED_ANSWER.equals(type)
        ? "The provider's answer could not be read"
        : "The provider is not configured in this worker";
  }
}
