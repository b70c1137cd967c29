package com.example.dunning.workflows;

import com.example.dunning.workflows.commands.AuthenticationRequired;
import com.example.dunning.workflows.commands.CancelDunning;
import com.example.dunning.workflows.commands.MarkPaid;
import com.example.dunning.workflows.commands.PauseDunning;
import com.example.dunning.workflows.commands.PaymentFailed;
import com.example.dunning.workflows.commands.PaymentMethodUpdated;
import com.example.dunning.workflows.commands.ResumeDunning;
import com.example.dunning.workflows.commands.RetryNow;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningState;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The dunning of one failed invoice, until it is paid, cancelled or the package expires.
 *
 * <p>The signal and query names are a public contract: operators send them from the Temporal UI or
 * CLI with the JSON payloads documented in the README.
 */
@WorkflowInterface
public interface DunningWorkflow {

  String TYPE = "DunningWorkflow";

  @WorkflowMethod(name = TYPE)
  DunningResult run(DunningRequest request);

  /** Another failed charge of the same invoice (a repeated or later {@code invoice.payment_failed}). */
  @SignalMethod(name = "paymentFailed")
  void paymentFailed(PaymentFailed event);

  @SignalMethod(name = "markPaid")
  void markPaid(MarkPaid command);

  @SignalMethod(name = "cancel")
  void cancel(CancelDunning command);

  @SignalMethod(name = "pause")
  void pause(PauseDunning command);

  @SignalMethod(name = "resume")
  void resume(ResumeDunning command);

  @SignalMethod(name = "retryNow")
  void retryNow(RetryNow command);

  @SignalMethod(name = "paymentMethodUpdated")
  void paymentMethodUpdated(PaymentMethodUpdated event);

  @SignalMethod(name = "authenticationRequired")
  void authenticationRequired(AuthenticationRequired event);

  @QueryMethod(name = "state")
  DunningState state();
}
