package com.example.dunning.activities.conversation;

import com.example.dunning.workflows.client.ConversationStart;
import com.example.dunning.workflows.conversation.ConversationActivities;
import com.example.dunning.workflows.conversation.NoticeSlot;
import io.temporal.client.WorkflowClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Asks the customer's coordinator for a dunning's notice, starting the coordinator when the
 * customer has none, with the configured caps and merging. The notice key is the update's request
 * key, so a retried attempt gets the slot the first one reserved.
 */
@Component
@ConditionalOnProperty(name = "dunning.conversation.enabled", havingValue = "true")
@EnableConfigurationProperties(ConversationProperties.class)
public class ConversationReservations implements ConversationActivities {

  private final WorkflowClient temporal;
  private final ConversationProperties rules;

  @Autowired
  public ConversationReservations(WorkflowClient temporal, ConversationProperties rules) {
    this.temporal = temporal;
    this.rules = rules;
  }

  /** With the default rules. */
  public ConversationReservations(WorkflowClient temporal) {
    this(temporal, new ConversationProperties(true, null, null, null));
  }

  @Override
  public NoticeSlot reserveNotice(NoticeReservation reservation) {
    return ConversationStart.reserveNotice(
        temporal,
        reservation.provider(),
        reservation.customerId(),
        reservation.notice().withRules(rules.messageCaps(), rules.merging()));
  }
}
