package com.example.dunning.workflows.dunning;

import static com.example.dunning.workflows.dunning.DunningSearchAttributes.AMOUNT_DUE;
import static com.example.dunning.workflows.dunning.DunningSearchAttributes.CUSTOMER_EMAIL;
import static com.example.dunning.workflows.dunning.DunningSearchAttributes.CUSTOMER_ID;
import static com.example.dunning.workflows.dunning.DunningSearchAttributes.INVOICE_ID;
import static com.example.dunning.workflows.dunning.DunningSearchAttributes.PROVIDER;
import static com.example.dunning.workflows.dunning.DunningSearchAttributes.STATUS;

import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Objects;

/** Keeps the dunning's search attributes current, so the Temporal UI can filter on them. */
final class StatusAttributes {

  private final boolean onlyChanges;

  /**
   * @param onlyChanges upsert only the attributes the start did not already set to the same value
   *     (each upsert is a billed action on Temporal Cloud; attributes set at start are free)
   */
  StatusAttributes(boolean onlyChanges) {
    this.onlyChanges = onlyChanges;
  }

  /** Sets every attribute from the provider's answer: a start by any client gets them all. */
  void opened(PaymentDetails payment) {
    String customerId = payment.customer() == null ? null : payment.customer().id();
    String email = payment.customer() == null ? null : payment.customer().email();
    List<SearchAttributeUpdate<?>> updates =
        List.of(
            STATUS.valueSet(DunningStatus.ACTIVE.name()),
            PROVIDER.valueSet(payment.provider()),
            INVOICE_ID.valueSet(payment.invoiceId()),
            keyword(CUSTOMER_ID, customerId),
            keyword(CUSTOMER_EMAIL, email),
            AMOUNT_DUE.valueSet(payment.amountDue()));
    if (onlyChanges) {
      SearchAttributes current = Workflow.getTypedSearchAttributes();
      updates = updates.stream().filter(update -> changes(current, update)).toList();
      if (updates.isEmpty()) {
        return;
      }
    }
    Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate<?>[]::new));
  }

  private static boolean changes(SearchAttributes current, SearchAttributeUpdate<?> update) {
    Object now = current.get(update.getKey());
    return !Objects.equals(now, update.getValue().orElse(null));
  }

  /** Moves the dunning to {@code status}; the search attribute follows when that changed it. */
  void status(DunningCase dunning, DunningStatus status) {
    if (dunning.status(status)) {
      Workflow.upsertTypedSearchAttributes(STATUS.valueSet(status.name()));
    }
  }

  private static SearchAttributeUpdate<String> keyword(
      SearchAttributeKey<String> key, String value) {
    return value == null ? key.valueUnset() : key.valueSet(value);
  }
}
