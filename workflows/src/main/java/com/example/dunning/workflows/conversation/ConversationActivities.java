package com.example.dunning.workflows.conversation;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * How a dunning reaches its customer's coordinator: a workflow cannot send an update, so an
 * activity does (registered by the worker only with {@code dunning.conversation.enabled}).
 */
@ActivityInterface
public interface ConversationActivities {

  /**
   * Asks the coordinator when the notice may go out, starting the coordinator when the customer has
   * none (update-with-start); the same notice key, the same answer.
   */
  @ActivityMethod
  NoticeSlot reserveNotice(NoticeReservation reservation);

  /** A dunning's notice and the customer whose coordinator decides its moment. */
  record NoticeReservation(String provider, String customerId, NoticeRequest notice) {}
}
