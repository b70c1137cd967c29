package com.example.dunning.workflows.conversation;

import io.temporal.activity.ActivityInterface;

/**
 * The coordinator's own send: one message to the customer for the notices of several of their
 * dunnings (registered by the worker only with {@code dunning.conversation.enabled}).
 */
@ActivityInterface
public interface MessageActivities {

  /**
   * Sends the message once per key, listing every invoice of the customer still open when it goes
   * out; sends nothing when none of the dunnings whose notices it carries is still open.
   */
  MessageDelivery sendMessage(CustomerMessage message);
}
