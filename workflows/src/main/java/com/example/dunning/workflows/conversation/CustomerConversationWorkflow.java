package com.example.dunning.workflows.conversation;

import com.example.dunning.workflows.model.CustomerActionResult;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One customer's conversation across all their dunnings, one workflow per provider and customer
 * ({@link ConversationIds#workflowId}): the dunnings ask it before they send, and it holds every
 * channel to its caps (docs/conversation.md).
 */
@WorkflowInterface
public interface CustomerConversationWorkflow {

  String TYPE = "CustomerConversationWorkflow";

  String RESERVE_NOTICE = "reserveNotice";
  String STATE = "state";
  String CUSTOMER_ACTION = "customerAction";
  String ACT = "act";

  @WorkflowMethod(name = TYPE)
  void run(ConversationRun run);

  /** When the notice may go out: as asked, or deferred by a cap; the same key, the same answer. */
  @UpdateMethod(name = RESERVE_NOTICE)
  NoticeSlot reserveNotice(NoticeRequest request);

  @UpdateValidatorMethod(updateName = RESERVE_NOTICE)
  void validateReserveNotice(NoticeRequest request);

  /**
   * Retries every open dunning of the customer once ({@code retryNow} or {@code
   * paymentMethodUpdated}); answers which dunnings the action reached. The same request id, the
   * same action: a repeat signals no dunning again.
   */
  @UpdateMethod(name = CUSTOMER_ACTION)
  CustomerActionResult customerAction(CustomerAction action);

  @UpdateValidatorMethod(updateName = CUSTOMER_ACTION)
  void validateCustomerAction(CustomerAction action);

  /**
   * {@link #customerAction} as a signal, for operators with only Temporal's tools (e.g. {@code
   * temporal workflow signal --name act}): the same action once per request id, answering nothing;
   * an action without its kind or request id is ignored, and logged.
   */
  @SignalMethod(name = ACT)
  void act(CustomerAction action);

  @QueryMethod(name = STATE)
  ConversationState state();
}
