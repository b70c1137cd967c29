package com.example.dunning.workflows.client;

import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningSearchAttributes;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningStatus;
import io.temporal.common.SearchAttributes;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * Everything needed to open the dunning of one invoice, should no workflow exist for it yet: the
 * same for the webhook and the reconciliation sweep, so both name and describe it alike.
 */
public record DunningStart(
    String workflowId, DunningRequest request, SearchAttributes searchAttributes, String summary) {

  /**
   * @param providerName the provider as people read it, e.g. {@code Stripe}
   * @throws IllegalArgumentException when the provider or invoice id cannot make a workflow id
   */
  public static DunningStart of(DunningRequest request, String providerName) {
    return new DunningStart(
        DunningIds.workflowId(request.provider(), request.invoiceId()),
        request,
        searchAttributes(request),
        summary(request, providerName));
  }

  /** What the Temporal UI lists and filters the dunning by, from its start. */
  public static SearchAttributes searchAttributes(DunningRequest request) {
    SearchAttributes.Builder attributes =
        SearchAttributes.newBuilder()
            .set(DunningSearchAttributes.STATUS, DunningStatus.ACTIVE.name())
            .set(DunningSearchAttributes.PROVIDER, request.provider())
            .set(DunningSearchAttributes.INVOICE_ID, request.invoiceId())
            .set(DunningSearchAttributes.AMOUNT_DUE, request.amountDue());
    if (request.customerId() != null) {
      attributes.set(DunningSearchAttributes.CUSTOMER_ID, request.customerId());
    }
    if (request.customerEmail() != null && !request.customerEmail().isBlank()) {
      attributes.set(DunningSearchAttributes.CUSTOMER_EMAIL, request.customerEmail());
    }
    return attributes.build();
  }

  /** E.g. {@code Dunning of Stripe invoice in_123: USD 10.00 owed by cus_9 (ann@example.com)}. */
  public static String summary(DunningRequest request, String providerName) {
    StringBuilder summary =
        new StringBuilder("Dunning of ")
            .append(providerName)
            .append(" invoice ")
            .append(request.invoiceId())
            .append(": ")
            .append(money(request.amountDue(), request.currency()))
            .append(" owed by ")
            .append(request.customerId() == null ? "an unknown customer" : request.customerId());
    if (request.customerEmail() != null && !request.customerEmail().isBlank()) {
      summary.append(" (").append(request.customerEmail()).append(')');
    }
    return summary.toString();
  }

  static String money(long minorUnits, String currency) {
    String code = currency == null ? "" : currency.toUpperCase(Locale.ROOT);
    int fractionDigits;
    try {
      fractionDigits = Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
    } catch (IllegalArgumentException e) {
      fractionDigits = 2;
    }
    return (code + " " + BigDecimal.valueOf(minorUnits, fractionDigits).toPlainString()).strip();
  }
}
