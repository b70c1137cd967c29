package com.example.dunning.activities.reconciliation;

import com.example.dunning.activities.reconciliation.ReconciliationTables.OpenDunning;
import com.example.dunning.workflows.activities.FailureTypes;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.activities.PaymentActivities.PaymentRef;
import com.example.dunning.workflows.activities.ReconciliationActivities.CheckRequest;
import com.example.dunning.workflows.activities.ReconciliationActivities.CheckResult;
import com.example.dunning.workflows.dunning.CheckProvider;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.model.PaymentDetails;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The second half of a reconciliation sweep, for every provider: asks the provider about each
 * dunning open in our records, a batch at a time and a few at once, through the same {@code
 * PaymentActivities} contract the dunnings use; a dunning whose invoice is paid, void,
 * uncollectible or unknown there gets {@code checkProvider}, and ends by its own rules.
 */
@Component
public class OpenDunningCheck implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OpenDunningCheck.class);
  static final String BY = "reconciliation";

  private final ReconciliationTables tables;
  private final PaymentActivities payments;
  private final WorkflowClient temporal;
  private final ExecutorService providerCalls;

  public OpenDunningCheck(
      ReconciliationTables tables,
      PaymentActivities payments,
      WorkflowClient temporal,
      ReconciliationProperties properties) {
    this.tables = tables;
    this.payments = payments;
    this.temporal = temporal;
    this.providerCalls = Executors.newFixedThreadPool(Math.max(1, properties.concurrency()));
  }

  private enum Outcome {
    OPEN,
    ENDED,
    ERROR
  }

  public CheckResult check(CheckRequest request) {
    List<OpenDunning> batch = tables.openDunnings(request.afterDunningId(), request.limit());
    if (batch.isEmpty()) {
      return new CheckResult(0, 0, 0, null, false);
    }
    List<Future<Outcome>> outcomes = new ArrayList<>();
    for (OpenDunning dunning : batch) {
      outcomes.add(providerCalls.submit(() -> check(dunning)));
    }
    int ended = 0;
    int errors = 0;
    for (Future<Outcome> outcome : outcomes) {
      try {
        switch (outcome.get()) {
          case ENDED -> ended++;
          case ERROR -> errors++;
          case OPEN -> {}
        }
      } catch (ExecutionException e) {
        errors++;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while checking open dunnings", e);
      }
    }
    String last = batch.get(batch.size() - 1).dunningId();
    return new CheckResult(batch.size(), ended, errors, last, batch.size() == request.limit());
  }

  private Outcome check(OpenDunning dunning) {
    String reason;
    try {
      PaymentDetails payment =
          payments.fetchPayment(new PaymentRef(dunning.provider(), dunning.invoiceId()));
      if (payment == null || !payment.status().isSettled()) {
        return Outcome.OPEN;
      }
      reason =
          "invoice "
              + payment.status().name().toLowerCase(Locale.ROOT)
              + " at "
              + dunning.provider();
    } catch (ApplicationFailure failure) {
      if (!FailureTypes.INVOICE_NOT_FOUND.equals(failure.getType())) {
        log.warn("{}: the provider did not answer: {}", dunning.dunningId(), failure.getMessage());
        return Outcome.ERROR;
      }
      reason = "invoice not found at " + dunning.provider();
    } catch (RuntimeException e) {
      log.warn("{}: the provider did not answer: {}", dunning.dunningId(), e.toString());
      return Outcome.ERROR;
    }
    try {
      temporal
          .newUntypedWorkflowStub(dunning.dunningId())
          .signal(DunningWorkflow.CHECK_PROVIDER, new CheckProvider(BY, reason));
      log.info("{}: {}; told the dunning to ask again and end", dunning.dunningId(), reason);
      return Outcome.ENDED;
    } catch (WorkflowNotFoundException ended) {
      return Outcome.OPEN; // it ended meanwhile
    }
  }

  @Override
  public void destroy() {
    providerCalls.shutdownNow();
  }
}
