package com.example.dunning.activities.payment;

import com.example.dunning.workflows.activities.PaymentActivities.ChargeRequest;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.HardDeclines;
import com.example.dunning.workflows.model.PaymentAttempt;
import com.example.dunning.workflows.model.PaymentDetails;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.model.Subscription;
import com.stripe.net.RequestOptions;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.InvoiceRetrieveParams;
import com.stripe.param.SubscriptionRetrieveParams;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** The dunning's billing provider when it is Stripe. */
@Component
public class StripePaymentProvider implements PaymentProvider {

  private static final String PAID = "paid";

  private final StripeClient stripe;
  private final PaymentAttemptLedger ledger;
  private final CredentialAlarm alarm;

  public StripePaymentProvider(
      StripeClient stripe, PaymentAttemptLedger ledger, CredentialRefusals refusals) {
    this.stripe = stripe;
    this.ledger = ledger;
    this.alarm = new CredentialAlarm(StripeFailures.PROVIDER, refusals);
  }

  @Override
  public String name() {
    return StripeFailures.PROVIDER;
  }

  @Override
  public PaymentDetails fetchPayment(String invoiceId) {
    try {
      Invoice invoice =
          stripe
              .v1()
              .invoices()
              .retrieve(
                  invoiceId,
                  InvoiceRetrieveParams.builder()
                      .addExpand("customer")
                      .addExpand("payments.data.payment.payment_intent")
                      .build());
      PaymentDetails details =
          StripeInvoiceMapper.toPaymentDetails(
              invoice, subscriptionOf(invoice), latestPaymentIntent(invoice));
      alarm.accepted();
      return details;
    } catch (StripeException e) {
      throw failure(e, invoiceId);
    }
  }

  @Override
  public ChargeResult retryCharge(ChargeRequest request) {
    // Stripe answers a repeated key with the first answer, so a retried activity charges once.
    RequestOptions once =
        RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
    try {
      ChargeResult result = charge(request, once);
      alarm.accepted();
      return result;
    } catch (StripeException e) {
      throw failure(e, request.invoiceId());
    }
  }

  private RuntimeException failure(StripeException e, String invoiceId) {
    if (StripeFailures.isRefusedCredentials(e)) {
      alarm.refused(Objects.requireNonNullElse(e.getStatusCode(), 401), e.getMessage());
    }
    return StripeFailures.translate(e, invoiceId);
  }

  private ChargeResult charge(ChargeRequest request, RequestOptions once) throws StripeException {
    try {
      Invoice invoice =
          stripe
              .v1()
              .invoices()
              .pay(
                  request.invoiceId(),
                  InvoicePayParams.builder().addExpand("payments").build(),
                  once);
      return charged(request, invoice);
    } catch (CardException e) {
      return declined(request, e);
    } catch (InvalidRequestException e) {
      if (StripeFailures.isNotFound(e)) {
        throw e;
      }
      return refused(request, e);
    }
  }

  private ChargeResult charged(ChargeRequest request, Invoice invoice) {
    boolean paid = PAID.equals(invoice.getStatus());
    String reason = paid ? null : "invoice still " + invoice.getStatus() + " after the charge";
    record(request, invoice, paid, latestPaymentIntentId(invoice), reason, null);
    return new ChargeResult(paid, null, null, false, false, paid ? "paid" : reason);
  }

  /** A decline is the charge's result, not the activity's failure. */
  private ChargeResult declined(ChargeRequest request, CardException e) throws StripeException {
    Invoice invoice = retrieveWithPayments(request.invoiceId());
    StripeError error = e.getStripeError();
    String paymentIntentId =
        error != null && error.getPaymentIntent() != null
            ? error.getPaymentIntent().getId()
            : latestPaymentIntentId(invoice);
    String message =
        error != null && error.getMessage() != null ? error.getMessage() : e.getMessage();
    record(
        request,
        invoice,
        false,
        paymentIntentId,
        reasonOf(e.getCode(), e.getDeclineCode(), message),
        e.getDeclineCode());
    return new ChargeResult(
        false,
        e.getCode(),
        e.getDeclineCode(),
        HardDeclines.isHard(e.getDeclineCode()),
        "authentication_required".equals(e.getCode()),
        message);
  }

  /** Stripe would not charge: paid meanwhile, void, or waiting for the customer's 3-D Secure. */
  private ChargeResult refused(ChargeRequest request, InvalidRequestException e)
      throws StripeException {
    Invoice invoice = retrieveWithPayments(request.invoiceId());
    if (PAID.equals(invoice.getStatus())) {
      return new ChargeResult(true, null, null, false, false, "already paid");
    }
    return new ChargeResult(
        false,
        e.getCode(),
        null,
        false,
        "invoice_payment_intent_requires_action".equals(e.getCode()),
        e.getStripeError() != null ? e.getStripeError().getMessage() : e.getMessage());
  }

  private void record(
      ChargeRequest request,
      Invoice invoice,
      boolean paid,
      String paymentIntentId,
      String reason,
      String declineCode) {
    ledger.record(
        request.dunningId(),
        request.idempotencyKey(),
        StripeFailures.PROVIDER,
        new PaymentAttempt(
            Math.toIntExact(Objects.requireNonNullElse(invoice.getAttemptCount(), 0L)),
            paid,
            paymentIntentId,
            reason,
            Objects.requireNonNullElse(invoice.getAmountDue(), 0L),
            invoice.getCurrency(),
            paid ? paidAt(invoice) : Instant.now()),
        declineCode);
  }

  private Invoice retrieveWithPayments(String invoiceId) throws StripeException {
    return stripe
        .v1()
        .invoices()
        .retrieve(invoiceId, InvoiceRetrieveParams.builder().addExpand("payments").build());
  }

  private Subscription subscriptionOf(Invoice invoice) throws StripeException {
    String subscriptionId = StripeInvoiceMapper.subscriptionId(invoice);
    if (subscriptionId == null) {
      return null;
    }
    try {
      return stripe
          .v1()
          .subscriptions()
          .retrieve(
              subscriptionId,
              SubscriptionRetrieveParams.builder().addExpand("items.data.price.product").build());
    } catch (InvalidRequestException e) {
      if (StripeFailures.isNotFound(e)) {
        return null; // the invoice outlived its subscription: map it without plan and package
      }
      throw e;
    }
  }

  private PaymentIntent latestPaymentIntent(Invoice invoice) throws StripeException {
    InvoicePayment latest = latestPayment(invoice);
    if (latest == null || latest.getPayment() == null) {
      return null;
    }
    if (latest.getPayment().getPaymentIntentObject() != null) {
      return latest.getPayment().getPaymentIntentObject();
    }
    String id = latest.getPayment().getPaymentIntent();
    return id == null ? null : stripe.v1().paymentIntents().retrieve(id);
  }

  private static String latestPaymentIntentId(Invoice invoice) {
    InvoicePayment latest = latestPayment(invoice);
    return latest == null || latest.getPayment() == null
        ? null
        : latest.getPayment().getPaymentIntent();
  }

  private static InvoicePayment latestPayment(Invoice invoice) {
    if (invoice.getPayments() == null || invoice.getPayments().getData() == null) {
      return null;
    }
    List<InvoicePayment> payments = invoice.getPayments().getData();
    return payments.stream()
        .max(Comparator.comparing(p -> Objects.requireNonNullElse(p.getCreated(), 0L)))
        .orElse(null);
  }

  private static Instant paidAt(Invoice invoice) {
    Invoice.StatusTransitions transitions = invoice.getStatusTransitions();
    return transitions != null && transitions.getPaidAt() != null
        ? Instant.ofEpochSecond(transitions.getPaidAt())
        : Instant.now();
  }

  private static String reasonOf(String code, String declineCode, String message) {
    StringBuilder reason = new StringBuilder(Objects.requireNonNullElse(code, "declined"));
    if (declineCode != null) {
      reason.append(" / ").append(declineCode);
    }
    if (message != null) {
      reason.append(": ").append(message);
    }
    return reason.toString();
  }
}
