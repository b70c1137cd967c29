package com.example.dunning.api.testworkflow;

import com.example.dunning.workflows.dunning.CancelDunning;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.dunning.MarkPaid;
import com.example.dunning.workflows.dunning.PaymentFailed;
import com.example.dunning.workflows.model.AuthenticationRequired;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.testing.DunningStandIn;
import io.temporal.spring.boot.WorkflowImpl;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only stand-in for the real dunning (the API runs no activities): records the request and
 * every signal, answers them through the {@code state} query, and ends on markPaid or cancel.
 */
@WorkflowImpl(taskQueues = DunningIds.TASK_QUEUE)
public class RecordingDunningWorkflow extends DunningStandIn {

  public static final LogTitle PAYMENT_FAILED = LogTitle.PAYMENT_FAILED;

  /** The real dunning answers an authentication requirement with a notice: an email. */
  public static final LogTitle AUTHENTICATION_REQUIRED = LogTitle.EMAIL_SENT;

  private final List<LogEntry> log = new ArrayList<>();
  private DunningStatus status = DunningStatus.ACTIVE;
  private int attemptCount;
  private MarkPaid paid;
  private CancelDunning cancelled;
  private DunningResult result;

  @Override
  public DunningResult run(DunningRequest request) {
    attemptCount = Math.max(attemptCount, request.attemptCount());
    Workflow.await(() -> paid != null || cancelled != null);
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    result =
        paid != null
            ? new DunningResult(DunningStatus.RECOVERED, paid.note(), now, attemptCount)
            : new DunningResult(DunningStatus.CANCELLED, cancelled.reason(), now, attemptCount);
    status = result.outcome();
    return result;
  }

  @Override
  public void paymentFailed(PaymentFailed event) {
    attemptCount = Math.max(attemptCount, event.attemptCount());
    String next =
        event.nextPaymentAttempt() == null ? "none" : event.nextPaymentAttempt().toString();
    log.add(
        new LogEntry(
            event.at(),
            PAYMENT_FAILED,
            "attempt " + event.attemptCount() + ", next " + next,
            EntryStatus.SUCCESS,
            null,
            null));
  }

  @Override
  public void markPaid(MarkPaid command) {
    paid = command;
  }

  @Override
  public void cancel(CancelDunning command) {
    cancelled = command;
  }

  @Override
  public void authenticationRequired(AuthenticationRequired event) {
    log.add(
        new LogEntry(
            event.at(),
            AUTHENTICATION_REQUIRED,
            "attempt " + event.attemptCount() + ", " + event.payUrl(),
            EntryStatus.SUCCESS,
            null,
            null));
  }

  @Override
  public DunningState state() {
    return new DunningState(
        Workflow.getInfo().getWorkflowId(),
        status,
        "test",
        attemptCount,
        null,
        null,
        null,
        false,
        null,
        result,
        List.copyOf(log));
  }
}
