package com.example.dunning.bench;

import com.example.dunning.dev.StripeWebhookSignature;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningSearchAttributes;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.PaymentFailed;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import java.time.Instant;

/**
 * A failed invoice of the benchmark, as Stripe delivers it to the webhook and as the webhook starts
 * its dunning: both paths start the same workflow with the same options.
 */
final class Invoices {

  static final String CUSTOMER = "cus_demo";
  static final String EMAIL = "jenny.rosen@example.com";

  private Invoices() {}

  /** A signed {@code invoice.payment_failed} body and its {@code Stripe-Signature} header. */
  static String[] signedPaymentFailed(String invoiceId, String secret) {
    long now = Instant.now().getEpochSecond();
    String payload =
        """
        {"id": "evt_%s", "object": "event", "type": "invoice.payment_failed", "created": %d,
         "data": {"object": {"id": "%s", "object": "invoice", "customer": "%s",
           "customer_email": "%s", "amount_due": 1999, "currency": "usd",
           "attempt_count": 1, "status": "open"}}}
        """
            .formatted(invoiceId, now, invoiceId, CUSTOMER, EMAIL);
    return new String[] {payload, StripeWebhookSignature.at(now, payload, secret)};
  }

  /** What the webhook does for the same event, straight from a client. */
  static void signalWithStart(WorkflowClient client, String invoiceId) {
    DunningRequest request =
        new DunningRequest("stripe", invoiceId, CUSTOMER, EMAIL, 1999, "usd", 1, Instant.now());
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(DunningIds.workflowId("stripe", invoiceId))
            .setTaskQueue(DunningIds.TASK_QUEUE)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .setTypedSearchAttributes(
                SearchAttributes.newBuilder()
                    .set(DunningSearchAttributes.STATUS, DunningStatus.ACTIVE.name())
                    .set(DunningSearchAttributes.PROVIDER, "stripe")
                    .set(DunningSearchAttributes.INVOICE_ID, invoiceId)
                    .set(DunningSearchAttributes.AMOUNT_DUE, 1999L)
                    .set(DunningSearchAttributes.CUSTOMER_ID, CUSTOMER)
                    .set(DunningSearchAttributes.CUSTOMER_EMAIL, EMAIL)
                    .build())
            .setStaticSummary("Dunning of Stripe invoice " + invoiceId)
            .build();
    client
        .newUntypedWorkflowStub(DunningWorkflow.TYPE, options)
        .signalWithStart(
            "paymentFailed",
            new Object[] {new PaymentFailed(1, null, "card_declined", "insufficient_funds", null)},
            new Object[] {request});
  }
}
