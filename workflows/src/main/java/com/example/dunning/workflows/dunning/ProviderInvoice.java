package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.activities.FailureTypes;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.activities.PaymentActivities.PaymentRef;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.IntakeDetails;
import com.example.dunning.workflows.model.PaymentDetails;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** What the billing provider says of the dunning's invoice. */
final class ProviderInvoice {

  private static final Duration CREDENTIALS_RETRY = Duration.ofHours(1);

  private static final IntakeDetails NOTHING_TOLD =
      new IntakeDetails(null, null, null, null, Map.of());
  private static final Customer NO_CUSTOMER = new Customer(null, null, null, null, null);

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
        return withIntakeContact(payments.fetchPayment(invoice));
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

  /**
   * What the provider leaves out, the intake fills: the contact (Elastic Path's payments name no
   * customer), the package and the business's metadata keys. The provider's values win.
   */
  private PaymentDetails withIntakeContact(PaymentDetails payment) {
    IntakeDetails told = request.intake() == null ? NOTHING_TOLD : request.intake();
    Customer reported = payment.customer() == null ? NO_CUSTOMER : payment.customer();
    Customer known =
        new Customer(
            first(reported.id(), request.customerId()),
            reported.name(),
            first(reported.email(), request.customerEmail()),
            first(reported.phone(), told.phone()),
            first(reported.timeZone(), told.timeZone()));
    Map<String, String> metadata =
        new TreeMap<>(told.metadata() == null ? Map.of() : told.metadata());
    if (told.locale() != null) {
      metadata.put(IntakeDetails.LOCALE, told.locale());
    }
    if (payment.metadata() != null) {
      metadata.putAll(payment.metadata());
    }
    String packageName = first(payment.packageName(), told.packageName());
    boolean customerSame = known.equals(reported);
    boolean metadataSame =
        metadata.equals(payment.metadata() == null ? Map.of() : payment.metadata());
    if (customerSame && metadataSame && Objects.equals(packageName, payment.packageName())) {
      return payment;
    }
    return new PaymentDetails(
        payment.provider(),
        payment.invoiceId(),
        payment.status(),
        payment.amountDue(),
        payment.currency(),
        payment.attemptCount(),
        payment.nextPaymentAttempt(),
        payment.payUrl(),
        customerSame ? payment.customer() : known,
        payment.subscriptionId(),
        payment.planId(),
        packageName,
        payment.paymentIntentId(),
        payment.paymentMethodId(),
        payment.failureCode(),
        payment.declineCode(),
        payment.requiresAuthentication(),
        metadataSame ? payment.metadata() : Collections.unmodifiableMap(metadata));
  }

  private static String first(String value, String otherwise) {
    return value != null ? value : otherwise;
  }
}
