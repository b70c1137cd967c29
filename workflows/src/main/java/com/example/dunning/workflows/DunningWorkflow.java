package com.example.dunning.workflows;

import com.example.dunning.workflows.commands.AuthenticationRequired;
import com.example.dunning.workflows.commands.CancelDunning;
import com.example.dunning.workflows.commands.CheckProvider;
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

  // Signal and query names: a public contract, also used by the API and by operators.
  String PAYMENT_FAILED = "paymentFailed";
  String MARK_PAID = "markPaid";
  String CANCEL = "cancel";
  String PAUSE = "pause";
  String RESUME = "resume";
  String RETRY_NOW = "retryNow";
  String PAYMENT_METHOD_UPDATED = "paymentMethodUpdated";
  String AUTHENTICATION_REQUIRED = "authenticationRequired";
  String CHECK_PROVIDER = "checkProvider";
  String STATE = "state";

  @WorkflowMethod(name = TYPE)
  DunningResult run(DunningRequest request);

  /**
   * Another failed charge of the same invoice (a repeated or later {@code invoice.payment_failed}).
   */
  @SignalMethod(name = PAYMENT_FAILED)
  void paymentFailed(PaymentFailed event);

  @SignalMethod(name = MARK_PAID)
  void markPaid(MarkPaid command);

  @SignalMethod(name = CANCEL)
  void cancel(CancelDunning command);

  @SignalMethod(name = PAUSE)
  void pause(PauseDunning command);

  @SignalMethod(name = RESUME)
  void resume(ResumeDunning command);

  @SignalMethod(name = RETRY_NOW)
  void retryNow(RetryNow command);

  @SignalMethod(name = PAYMENT_METHOD_UPDATED)
  void paymentMethodUpdated(PaymentMethodUpdated event);

  @SignalMethod(name = AUTHENTICATION_REQUIRED)
  void authenticationRequired(AuthenticationRequired event);

  /** Asks the provider about the invoice now; paid, void or uncollectible ends the dunning. */
  @SignalMethod(name = CHECK_PROVIDER)
  void checkProvider(CheckProvider command);

  @QueryMethod(name = STATE)
  DunningState state();
}
