package com.example.dunning.api.webhook;

import com.example.dunning.workflows.DunningIds;
import com.example.dunning.workflows.DunningSearchAttributes;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningStatus;
import com.stripe.model.Invoice;
import io.temporal.common.SearchAttributes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;

/** Maps a Stripe invoice to the dunning's workflow id, request, search attributes and summary. */
final class StripeInvoices {

  static final String PROVIDER = "stripe";

  private StripeInvoices() {}

  static String workflowId(Invoice invoice) {
    return workflowId(invoice.getId());
  }

  static String workflowId(String invoiceId) {
    try {
      return DunningIds.workflowId(PROVIDER, invoiceId);
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException("invoice without a usable id: " + invoiceId, e);
    }
  }

  static int attemptCount(Invoice invoice) {
    return invoice.getAttemptCount() == null ? 0 : invoice.getAttemptCount().intValue();
  }

  static Instant nextPaymentAttempt(Invoice invoice) {
    Long next = invoice.getNextPaymentAttempt();
    return next == null ? null : Instant.ofEpochSecond(next);
  }

  static DunningStart start(Invoice invoice, Instant eventCreated) {
    long amountDue = invoice.getAmountDue() == null ? 0 : invoice.getAmountDue();
    DunningRequest request =
        new DunningRequest(
            PROVIDER,
            invoice.getId(),
            invoice.getCustomer(),
            invoice.getCustomerEmail(),
            amountDue,
            invoice.getCurrency(),
            attemptCount(invoice),
            eventCreated);
    return new DunningStart(
        workflowId(invoice), request, searchAttributes(request), summary(request));
  }

  private static SearchAttributes searchAttributes(DunningRequest request) {
    SearchAttributes.Builder attributes =
        SearchAttributes.newBuilder()
            .set(DunningSearchAttributes.STATUS, DunningStatus.ACTIVE.name())
            .set(DunningSearchAttributes.PROVIDER, PROVIDER)
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
  static String summary(DunningRequest request) {
    StringBuilder summary =
        new StringBuilder("Dunning of Stripe invoice ")
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
