package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.model.AuthenticationRequired;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The dunning of one failed invoice, until it is paid, cancelled or the package expires.
 *
 * <p>The signal and query names are a public contract: operators send them from the Temporal UI or
 * CLI with the JSON payloads documented in docs/operations.md.
 *
 * <p>The operator's actions are also updates, which the API uses: each does what its signal does
 * and answers with the dunning's state once the workflow has acted on it (for mark-paid and cancel,
 * once the dunning has ended). Their validators refuse an action on a dunning that has ended, so
 * the caller learns it instead of a signal that changes nothing.
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

  // Update names: the operator's actions, answered with the new state.
  String OPERATOR_MARK_PAID = "operatorMarkPaid";
  String OPERATOR_CANCEL = "operatorCancel";
  String OPERATOR_PAUSE = "operatorPause";
  String OPERATOR_RESUME = "operatorResume";
  String OPERATOR_RETRY_NOW = "operatorRetryNow";

  /**
   * An update refused because the dunning has ended: the failure's type and the start of its
   * message ({@code DunningEnded: …}). Match the message: the SDK (1.38) hands the client a
   * validator's failure under a type of its own.
   */
  String REFUSED_ENDED = "DunningEnded";

  /** An update refused because the package has expired (only a payment helps), as above. */
  String REFUSED_EXPIRED = "DunningExpired";

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

  /** {@link #markPaid}, answered once the dunning has ended (recovered). */
  @UpdateMethod(name = OPERATOR_MARK_PAID)
  DunningState markPaidByOperator(MarkPaid command);

  @UpdateValidatorMethod(updateName = OPERATOR_MARK_PAID)
  void validateMarkPaid(MarkPaid command);

  /** {@link #cancel}, answered once the dunning has ended. */
  @UpdateMethod(name = OPERATOR_CANCEL)
  DunningState cancelByOperator(CancelDunning command);

  @UpdateValidatorMethod(updateName = OPERATOR_CANCEL)
  void validateCancel(CancelDunning command);

  /** {@link #pause}, answered at once: no step starts until resumed (or {@code until}). */
  @UpdateMethod(name = OPERATOR_PAUSE)
  DunningState pauseByOperator(PauseDunning command);

  @UpdateValidatorMethod(updateName = OPERATOR_PAUSE)
  void validatePause(PauseDunning command);

  /** {@link #resume}, answered at once. */
  @UpdateMethod(name = OPERATOR_RESUME)
  DunningState resumeByOperator(ResumeDunning command);

  @UpdateValidatorMethod(updateName = OPERATOR_RESUME)
  void validateResume(ResumeDunning command);

  /**
   * {@link #retryNow}, answered once the charge was made (or the dunning ended); at once while
   * paused, when the charge waits for the resume.
   */
  @UpdateMethod(name = OPERATOR_RETRY_NOW)
  DunningState retryNowByOperator(RetryNow command);

  @UpdateValidatorMethod(updateName = OPERATOR_RETRY_NOW)
  void validateRetryNow(RetryNow command);
}
