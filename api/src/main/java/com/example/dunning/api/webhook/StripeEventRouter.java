package com.example.dunning.api.webhook;

import static com.example.dunning.workflows.dunning.DunningWorkflow.AUTHENTICATION_REQUIRED;
import static com.example.dunning.workflows.dunning.DunningWorkflow.CANCEL;
import static com.example.dunning.workflows.dunning.DunningWorkflow.MARK_PAID;
import static com.example.dunning.workflows.dunning.DunningWorkflow.PAYMENT_FAILED;

import com.example.dunning.workflows.dunning.CancelDunning;
import com.example.dunning.workflows.dunning.MarkPaid;
import com.example.dunning.workflows.dunning.PaymentFailed;
import com.example.dunning.workflows.model.AuthenticationRequired;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Decides what a verified Stripe event means for the dunning of its invoice. */
@Component
class StripeEventRouter {

  private final DunningDispatcher dunnings;

  StripeEventRouter(DunningDispatcher dunnings) {
    this.dunnings = dunnings;
  }

  WebhookOutcome route(StripeEvent event) {
    String type = event.type();
    return switch (type) {
      case "invoice.payment_failed" -> paymentFailed(type, event.invoice(), event.created());
      case "invoice.payment_action_required" ->
          authenticationRequired(type, event.invoice(), event.created());
      case "invoice.paid", "invoice.payment_succeeded" ->
          paid(type, event.invoice(), event.created());
      case "invoice.voided" -> cancel(type, event.invoice().id(), "invoice voided at Stripe");
      case "invoice.marked_uncollectible" ->
          cancel(type, event.invoice().id(), "invoice marked uncollectible at Stripe");
      case "customer.subscription.deleted" ->
          subscriptionDeleted(type, event.latestInvoiceOfSubscription());
      default -> WebhookOutcome.ignored(type);
    };
  }

  private WebhookOutcome paymentFailed(String type, StripeInvoice invoice, Instant created) {
    PaymentFailed failed =
        new PaymentFailed(
            invoice.attemptCount(), invoice.nextPaymentAttempt(), null, null, created);
    return dunnings.signalWithStart(type, invoice.start(created), PAYMENT_FAILED, failed);
  }

  private WebhookOutcome authenticationRequired(
      String type, StripeInvoice invoice, Instant created) {
    AuthenticationRequired required =
        new AuthenticationRequired(invoice.attemptCount(), invoice.hostedInvoiceUrl(), created);
    return dunnings.signalWithStart(
        type, invoice.start(created), AUTHENTICATION_REQUIRED, required);
  }

  /**
   * An invoice paid after a failed charge is a recovered dunning, even when its failure event has
   * not arrived yet: starting the dunning with markPaid closes it at once, so a late failure event
   * finds it ended and starts nothing. An invoice paid at the first attempt never was in dunning.
   */
  private WebhookOutcome paid(String type, StripeInvoice invoice, Instant created) {
    MarkPaid paid = new MarkPaid(StripeInvoice.PROVIDER, "paid at Stripe");
    if (invoice.attemptCount() > 1) {
      return dunnings.signalWithStart(type, invoice.start(created), MARK_PAID, paid);
    }
    return dunnings.signalIfRunning(type, invoice.workflowId(), MARK_PAID, paid);
  }

  private WebhookOutcome cancel(String type, String invoiceId, String reason) {
    return dunnings.signalIfRunning(
        type,
        StripeInvoice.workflowId(invoiceId),
        CANCEL,
        new CancelDunning(reason, StripeInvoice.PROVIDER));
  }

  private WebhookOutcome subscriptionDeleted(String type, String latestInvoice) {
    if (latestInvoice == null) {
      return WebhookOutcome.noInvoice(type, CANCEL);
    }
    return cancel(type, latestInvoice, "subscription deleted at Stripe");
  }
}
