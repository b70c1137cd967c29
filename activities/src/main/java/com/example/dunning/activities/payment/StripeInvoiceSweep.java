package com.example.dunning.activities.payment;

import com.example.dunning.workflows.activities.ReconciliationActivities.ListingRequest;
import com.example.dunning.workflows.activities.ReconciliationActivities.ListingResult;
import com.example.dunning.workflows.client.DunningStart;
import com.example.dunning.workflows.client.DunningStarter;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.PaymentFailed;
import com.example.dunning.workflows.model.DunningRequest;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.param.InvoiceListParams;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The first half of a reconciliation sweep, for Stripe: lists the open invoices charged
 * automatically that failed at least once, and opens the dunning of every one that has none, the
 * way the webhook would have. Runs inside an activity and heartbeats its cursor after each invoice,
 * so that a retried attempt resumes the listing after the last invoice handled.
 */
@Component
public class StripeInvoiceSweep {

  private static final Logger log = LoggerFactory.getLogger(StripeInvoiceSweep.class);
  private static final long PAGE_SIZE = 100;

  private final StripeClient stripe;
  private final WorkflowClient temporal;
  private final DunningStarter starter;

  public StripeInvoiceSweep(StripeClient stripe, WorkflowClient temporal) {
    this.stripe = stripe;
    this.temporal = temporal;
    this.starter = new DunningStarter(temporal);
  }

  /**
   * Where a listing stands: the heartbeat details of the activity.
   *
   * @param cursor the id of the last invoice handled; null before the first
   */
  public record Progress(String cursor, int scanned, int started, int errors) {

    static final Progress START = new Progress(null, 0, 0, 0);

    Progress after(String invoiceId, boolean started, boolean failed) {
      return new Progress(
          invoiceId, scanned + 1, this.started + (started ? 1 : 0), this.errors + (failed ? 1 : 0));
    }
  }

  /**
   * @param recorded whether our records hold a dunning of the provider's invoice already
   */
  public ListingResult startMissing(ListingRequest request, BiPredicate<String, String> recorded) {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    Progress progress = activity.getHeartbeatDetails(Progress.class).orElse(Progress.START);
    if (progress.cursor() != null) {
      log.info("sweep {}: resuming the Stripe listing after {}", request.sweepId(), progress);
    }
    InvoiceListParams.Builder params =
        InvoiceListParams.builder()
            .setStatus(InvoiceListParams.Status.OPEN)
            .setCollectionMethod(InvoiceListParams.CollectionMethod.CHARGE_AUTOMATICALLY)
            .setCreated(
                InvoiceListParams.Created.builder()
                    .setGte(request.createdSince().getEpochSecond())
                    .build())
            .setLimit(PAGE_SIZE);
    if (progress.cursor() != null) {
      params.setStartingAfter(progress.cursor());
    }
    try {
      for (Invoice invoice : stripe.v1().invoices().list(params.build()).autoPagingIterable()) {
        boolean started = false;
        boolean failed = false;
        if (isFailed(invoice, request.createdSince())
            && !recorded.test(StripeFailures.PROVIDER, invoice.getId())) {
          try {
            started = startIfNone(invoice);
          } catch (IllegalArgumentException unusableId) {
            log.warn("sweep {}: {}", request.sweepId(), unusableId.getMessage());
            failed = true;
          }
        }
        progress = progress.after(invoice.getId(), started, failed);
        activity.heartbeat(progress);
      }
    } catch (RuntimeException e) {
      // stripe-java's auto-pagination wraps the StripeException of a later page.
      if (e.getCause() instanceof StripeException stripeFailure) {
        throw StripeFailures.translate(stripeFailure, "list");
      }
      throw e;
    } catch (StripeException e) {
      throw StripeFailures.translate(e, "list");
    }
    return new ListingResult(progress.scanned(), progress.started(), progress.errors());
  }

  /**
   * Stripe filters on status, collection method and creation time already; checked again here so
   * that a stand-in or a changed API cannot open a dunning for an invoice that has none to run.
   */
  static boolean isFailed(Invoice invoice, Instant createdSince) {
    return "open".equals(invoice.getStatus())
        && "charge_automatically".equals(invoice.getCollectionMethod())
        && Objects.requireNonNullElse(invoice.getAttemptCount(), 0L) >= 1
        && invoice.getCreated() != null
        && invoice.getCreated() >= createdSince.getEpochSecond();
  }

  /** Opens the dunning as the webhook does, unless a workflow of the invoice exists or existed. */
  private boolean startIfNone(Invoice invoice) {
    DunningRequest request =
        new DunningRequest(
            StripeFailures.PROVIDER,
            invoice.getId(),
            invoice.getCustomer(),
            invoice.getCustomerEmail(),
            Objects.requireNonNullElse(invoice.getAmountDue(), 0L),
            invoice.getCurrency(),
            Math.toIntExact(invoice.getAttemptCount()),
            Instant.now());
    DunningStart start = DunningStart.of(request, "Stripe");
    try {
      temporal.newUntypedWorkflowStub(start.workflowId()).describe();
      return false; // running, or ended within the namespace's retention
    } catch (WorkflowNotFoundException none) {
      // the webhook never came: open it now
    }
    Long next = invoice.getNextPaymentAttempt();
    PaymentFailed failed =
        new PaymentFailed(
            request.attemptCount(),
            next == null ? null : Instant.ofEpochSecond(next),
            null,
            null,
            request.failedAt());
    boolean started = starter.signalWithStart(start, DunningWorkflow.PAYMENT_FAILED, failed);
    if (started) {
      log.info("Opened {}: a failed invoice without a dunning", start.workflowId());
    }
    return started;
  }
}
