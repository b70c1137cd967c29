package com.example.dunning.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.Patience;
import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.conversation.ConversationReservations;
import com.example.dunning.activities.conversation.CustomerActions;
import com.example.dunning.workflows.client.ConversationStart;
import com.example.dunning.workflows.conversation.Channel;
import com.example.dunning.workflows.conversation.ConversationIds;
import com.example.dunning.workflows.conversation.ConversationRun;
import com.example.dunning.workflows.conversation.CustomerAction;
import com.example.dunning.workflows.conversation.CustomerConversationWorkflow;
import com.example.dunning.workflows.conversation.NoticeRequest;
import com.example.dunning.workflows.conversation.NoticeSlot;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningWorkflowImpl;
import com.example.dunning.workflows.model.CustomerActionKind;
import com.example.dunning.workflows.model.CustomerActionResult;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The switch {@code dunning.conversation.enabled} on the worker's own configuration, with the
 * worker's task queue on Temporal's test server (as the starter leaves it: the dunning registered,
 * not yet started) and the real action activity on PostgreSQL.
 */
class ConversationSwitchTest {

  private TestWorkflowEnvironment env;
  private ApplicationContextRunner worker;

  @BeforeEach
  void startTemporal() {
    env = TestWorkflowEnvironment.newInstance();
    env.newWorker(DunningIds.TASK_QUEUE)
        .registerWorkflowImplementationTypes(DunningWorkflowImpl.class);
    worker =
        new ApplicationContextRunner()
            .withBean(WorkerFactory.class, env::getWorkerFactory)
            .withBean(WorkflowClient.class, env::getWorkflowClient)
            .withBean(DataSource.class, TestPostgres::dataSource)
            .withUserConfiguration(
                CustomerActions.class, ConversationReservations.class, ConversationWorker.class);
  }

  @AfterEach
  void stopTemporal() {
    env.close();
  }

  @Test
  void givenTheSwitchOn_itShouldRunTheCoordinatorAndItsCustomerActions() {
    worker
        .withPropertyValues(ConversationWorker.SWITCH + "=true")
        .run(
            context -> {
              env.start();
              WorkflowClient client = env.getWorkflowClient();

              NoticeSlot slot =
                  ConversationStart.reserveNotice(
                      client,
                      "stripe",
                      "cus_on",
                      new NoticeRequest(
                          "dunning-stripe-in_on",
                          "dunning-stripe-in_on:notice:email",
                          Channel.EMAIL,
                          null,
                          null));
              CustomerActionResult acted =
                  ConversationStart.customerAction(
                          client,
                          "stripe",
                          "cus_on",
                          new CustomerAction("req-on", CustomerActionKind.RETRY_NOW, "alice", null))
                      .getResult(Patience.WAIT.toSeconds(), TimeUnit.SECONDS);

              assertThat(context).hasSingleBean(ConversationReservations.class);
              assertThat(slot.deferredBy()).isNull();
              assertThat(acted.actionKey())
                  .isEqualTo("dunning-customer-stripe-cus_on:action:req-on");
              assertThat(acted.dunnings()).isEmpty();
            });
  }

  @Test
  void givenTheSwitchOff_itShouldRegisterNeitherAndACoordinatorShouldFindNoWorker() {
    worker.run(
        context -> {
          env.start();
          WorkflowClient client = env.getWorkflowClient();
          String id = ConversationIds.workflowId("stripe", "cus_off");
          CustomerConversationWorkflow coordinator =
              client.newWorkflowStub(
                  CustomerConversationWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(id)
                      .setTaskQueue(DunningIds.TASK_QUEUE)
                      .build());
          WorkflowClient.start(coordinator::run, ConversationRun.first("stripe", "cus_off"));

          assertThat(context).doesNotHaveBean(CustomerActions.class);
          assertThat(context).doesNotHaveBean(ConversationReservations.class);
          assertThat(context).doesNotHaveBean(ConversationWorker.class);
          Patience.await()
              .untilAsserted(
                  () ->
                      assertThat(client.fetchHistory(id).getEvents())
                          .anySatisfy(
                              event ->
                                  assertThat(event.getEventType())
                                      .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED)));
          assertThat(client.fetchHistory(id).getEvents())
              .noneSatisfy(
                  event ->
                      assertThat(event.getEventType())
                          .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED));
        });
  }
}
