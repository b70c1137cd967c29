package com.example.dunning.activities.conversation;

import com.example.dunning.workflows.client.ConversationStart;
import com.example.dunning.workflows.conversation.ConversationActivities;
import com.example.dunning.workflows.conversation.NoticeSlot;
import io.temporal.client.WorkflowClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Asks the customer's coordinator for a dunning's notice, starting the coordinator when the
 * customer has none. The notice key is the update's request key, so a retried attempt gets the slot
 * the first one reserved.
 */
@Component
@ConditionalOnProperty(name = "dunning.conversation.enabled", havingValue = "true")
public class ConversationReservations implements ConversationActivities {

  private final WorkflowClient temporal;

  public ConversationReservations(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  @Override
  public NoticeSlot reserveNotice(NoticeReservation reservation) {
    return ConversationStart.reserveNotice(
        temporal, reservation.provider(), reservation.customerId(), reservation.notice());
  }
}
