package com.example.dunning.workflows;

import static com.example.dunning.workflows.DunningSearchAttributes.AMOUNT_DUE;
import static com.example.dunning.workflows.DunningSearchAttributes.CUSTOMER_EMAIL;
import static com.example.dunning.workflows.DunningSearchAttributes.CUSTOMER_ID;
import static com.example.dunning.workflows.DunningSearchAttributes.INVOICE_ID;
import static com.example.dunning.workflows.DunningSearchAttributes.PROVIDER;
import static com.example.dunning.workflows.DunningSearchAttributes.STATUS;

import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;

/** Keeps the dunning's search attributes current, so the Temporal UI can filter on them. */
final class StatusAttributes {

  /** Sets every attribute from the provider's answer: a start by any client gets them all. */
  void opened(PaymentDetails payment) {
    String customerId = payment.customer() == null ? null : payment.customer().id();
    String email = payment.customer() == null ? null : payment.customer().email();
    Workflow.upsertTypedSearchAttributes(
        STATUS.valueSet(DunningStatus.ACTIVE.name()),
        PROVIDER.valueSet(payment.provider()),
        INVOICE_ID.valueSet(payment.invoiceId()),
        keyword(CUSTOMER_ID, customerId),
        keyword(CUSTOMER_EMAIL, email),
        AMOUNT_DUE.valueSet(payment.amountDue()));
  }

  void status(DunningStatus status) {
    Workflow.upsertTypedSearchAttributes(STATUS.valueSet(status.name()));
  }

  private static SearchAttributeUpdate<String> keyword(
      SearchAttributeKey<String> key, String value) {
    return value == null ? key.valueUnset() : key.valueSet(value);
  }
}
