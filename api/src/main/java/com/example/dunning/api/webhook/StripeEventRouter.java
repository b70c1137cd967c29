package com.example.dunning.api.webhook;

import static com.example.dunning.workflows.DunningWorkflow.AUTHENTICATION_REQUIRED;
import static com.example.dunning.workflows.DunningWorkflow.CANCEL;
import static com.example.dunning.workflows.DunningWorkflow.MARK_PAID;
import static com.example.dunning.workflows.DunningWorkflow.PAYMENT_FAILED;

import com.example.dunning.workflows.commands.AuthenticationRequired;
import com.example.dunning.workflows.commands.CancelDunning;
import com.example.dunning.workflows.commands.MarkPaid;
import com.example.dunning.workflows.commands.PaymentFailed;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Decides what a verified Stripe event means for the dunning of its invoice. */
@Component
class StripeEventRouter {

  private final DunningDispatcher dunnings;

  StripeEventRouter(DunningDispatcher dunnings) {
    this.dunnings = dunnings;
  }

  WebhookOutcome route(Event event) {
    String type = event.getType() == null ? "" : event.getType();
    return switch (type) {
      case "invoice.payment_failed" -> paymentFailed(type, invoice(event), created(event));
      case "invoice.payment_action_required" ->
          authenticationRequired(type, invoice(event), created(event));
      case "invoice.paid", "invoice.payment_succeeded" ->
          paid(type, invoice(event), created(event));
      case "invoice.voided" -> cancel(type, invoice(event).getId(), "invoice voided at Stripe");
      case "invoice.marked_uncollectible" ->
          cancel(type, invoice(event).getId(), "invoice marked uncollectible at Stripe");
      case "customer.subscription.deleted" -> subscriptionDeleted(type, subscription(event));
      default -> WebhookOutcome.ignored(type);
    };
  }

  private WebhookOutcome paymentFailed(String type, Invoice invoice, Instant created) {
    PaymentFailed failed =
        new PaymentFailed(
            StripeInvoices.attemptCount(invoice),
            StripeInvoices.nextPaymentAttempt(invoice),
            null,
            null,
            created);
    return dunnings.signalWithStart(
        type, StripeInvoices.start(invoice, created), PAYMENT_FAILED, failed);
  }

  private WebhookOutcome authenticationRequired(String type, Invoice invoice, Instant created) {
    AuthenticationRequired required =
        new AuthenticationRequired(
            StripeInvoices.attemptCount(invoice), invoice.getHostedInvoiceUrl(), created);
    return dunnings.signalWithStart(
        type, StripeInvoices.start(invoice, created), AUTHENTICATION_REQUIRED, required);
  }

  /**
   * An invoice paid after a failed charge is a recovered dunning, even when its failure event has
   * not arrived yet: starting the dunning with markPaid closes it at once, so a late failure event
   * finds it ended and starts nothing. An invoice paid at the first attempt never was in dunning.
   */
  private WebhookOutcome paid(String type, Invoice invoice, Instant created) {
    MarkPaid paid = new MarkPaid(StripeInvoices.PROVIDER, "paid at Stripe");
    if (StripeInvoices.attemptCount(invoice) > 1) {
      return dunnings.signalWithStart(
          type, StripeInvoices.start(invoice, created), MARK_PAID, paid);
    }
    return dunnings.signalIfRunning(type, StripeInvoices.workflowId(invoice), MARK_PAID, paid);
  }

  private WebhookOutcome cancel(String type, String invoiceId, String reason) {
    return dunnings.signalIfRunning(
        type,
        StripeInvoices.workflowId(invoiceId),
        CANCEL,
        new CancelDunning(reason, StripeInvoices.PROVIDER));
  }

  private WebhookOutcome subscriptionDeleted(String type, Subscription subscription) {
    String latestInvoice = subscription.getLatestInvoice();
    if (latestInvoice == null) {
      return new WebhookOutcome(type, null, CANCEL, "no-invoice");
    }
    return cancel(type, latestInvoice, "subscription deleted at Stripe");
  }

  private static Instant created(Event event) {
    if (event.getCreated() == null) {
      throw new MalformedEventException("event without created");
    }
    return Instant.ofEpochSecond(event.getCreated());
  }

  private static Invoice invoice(Event event) {
    return object(event, Invoice.class);
  }

  private static Subscription subscription(Event event) {
    return object(event, Subscription.class);
  }

  // deserializeUnsafe: an event of another API version than stripe-java's must not be dropped.
  private static <T extends StripeObject> T object(Event event, Class<T> expected) {
    StripeObject object;
    try {
      object = event.getDataObjectDeserializer().deserializeUnsafe();
    } catch (EventDataObjectDeserializationException | RuntimeException e) {
      throw new MalformedEventException("cannot read data.object of " + event.getType(), e);
    }
    if (!expected.isInstance(object)) {
      throw new MalformedEventException(
          event.getType()
              + " without a "
              + expected.getSimpleName().toLowerCase(Locale.ROOT)
              + " object");
    }
    return expected.cast(object);
  }
}
