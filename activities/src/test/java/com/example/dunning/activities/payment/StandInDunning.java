package com.example.dunning.activities.payment;

import com.example.dunning.workflows.dunning.CheckProvider;
import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.dunning.MarkPaid;
import com.example.dunning.workflows.dunning.PaymentFailed;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.testing.DunningStandIn;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;

/**
 * Test-only stand-in for the dunning, which the reconciliation starts and signals: it runs until
 * told to check its provider or paid, and ends with the reason it was given. The real dunning's
 * answer to {@code checkProvider} is tested in the workflows module.
 */
public class StandInDunning extends DunningStandIn {

  private CheckProvider check;
  private boolean paid;
  private int attemptCount;

  @Override
  public DunningResult run(DunningRequest request) {
    attemptCount = request.attemptCount();
    Workflow.await(() -> check != null || paid);
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    String reason = check == null ? "marked paid" : check.by() + ": " + check.reason();
    return new DunningResult(DunningStatus.RECOVERED, reason, now, attemptCount);
  }

  @Override
  public void paymentFailed(PaymentFailed event) {
    attemptCount = Math.max(attemptCount, event.attemptCount());
  }

  @Override
  public void markPaid(MarkPaid command) {
    paid = true;
  }

  @Override
  public void checkProvider(CheckProvider command) {
    check = command;
  }

  @Override
  public DunningState state() {
    return new DunningState(
        null,
        DunningStatus.ACTIVE,
        null,
        attemptCount,
        null,
        null,
        null,
        false,
        null,
        null,
        List.of());
  }
}
