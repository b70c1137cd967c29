package com.example.dunning.worker;

import com.example.dunning.activities.conversation.ConversationMessages;
import com.example.dunning.activities.conversation.ConversationReservations;
import com.example.dunning.activities.conversation.CustomerActions;
import com.example.dunning.workflows.conversation.CustomerConversationWorkflowImpl;
import com.example.dunning.workflows.dunning.DunningIds;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The switch {@code dunning.conversation.enabled}: on, the worker also runs the customer's
 * coordinator, its action and message activities and the dunnings' activity that asks it on task
 * queue {@code dunning}; off (the default), none is registered and the worker is exactly as before
 * (docs/conversation.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = ConversationWorker.SWITCH, havingValue = "true")
public class ConversationWorker {

  public static final String SWITCH = "dunning.conversation.enabled";

  /** After every bean is made (the starter's workers among them) and before the workers start. */
  @Bean
  SmartInitializingSingleton coordinatorRegistration(
      WorkerFactory workers,
      CustomerActions actions,
      ConversationReservations reservations,
      ConversationMessages messages) {
    return () -> register(workers, actions, reservations, messages);
  }

  static void register(
      WorkerFactory workers,
      CustomerActions actions,
      ConversationReservations reservations,
      ConversationMessages messages) {
    Worker worker = workers.getWorker(DunningIds.TASK_QUEUE);
    if (worker == null) {
      throw new IllegalStateException("no worker on task queue " + DunningIds.TASK_QUEUE);
    }
    worker.registerWorkflowImplementationTypes(CustomerConversationWorkflowImpl.class);
    worker.registerActivitiesImplementations(actions, reservations, messages);
  }
}
