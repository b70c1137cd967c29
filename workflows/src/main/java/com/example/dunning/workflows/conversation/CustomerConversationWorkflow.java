package com.example.dunning.workflows.conversation;

import io.temporal.workflow.QueryMethod;
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

  @WorkflowMethod(name = TYPE)
  void run(ConversationRun run);

  /** When the notice may go out: as asked, or deferred by a cap; the same key, the same answer. */
  @UpdateMethod(name = RESERVE_NOTICE)
  NoticeSlot reserveNotice(NoticeRequest request);

  @UpdateValidatorMethod(updateName = RESERVE_NOTICE)
  void validateReserveNotice(NoticeRequest request);

  @QueryMethod(name = STATE)
  ConversationState state();
}
