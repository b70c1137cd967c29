package com.example.dunning.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.Patience;
import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.conversation.ConversationMessages;
import com.example.dunning.activities.conversation.ConversationReservations;
import com.example.dunning.activities.conversation.CustomerActions;
import com.example.dunning.activities.notification.DisabledSmsSender;
import com.example.dunning.activities.notification.NoticeLedger;
import com.example.dunning.activities.notification.NoticeMailer;
import com.example.dunning.notices.NoticeRenderer;
import com.example.dunning.notices.NoticeSettings;
import com.example.dunning.workflows.client.ConversationStart;
import com.example.dunning.workflows.conversation.Channel;
import com.example.dunning.workflows.conversation.ConversationIds;
import com.example.dunning.workflows.conversation.ConversationRun;
import com.example.dunning.workflows.conversation.CustomerAction;
import com.example.dunning.workflows.conversation.CustomerConversationWorkflow;
import com.example.dunning.workflows.conversation.CustomerMessage;
import com.example.dunning.workflows.conversation.MessageActivities;
import com.example.dunning.workflows.conversation.MessageDelivery;
import com.example.dunning.workflows.conversation.MessageNotice;
import com.example.dunning.workflows.conversation.NoticeRequest;
import com.example.dunning.workflows.conversation.NoticeSlot;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningWorkflowImpl;
import com.example.dunning.workflows.model.CustomerActionKind;
import com.example.dunning.workflows.model.CustomerActionResult;
import com.example.dunning.workflows.policy.NoticeKind;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;

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
        .registerWorkflowImplementationTypes(DunningWorkflowImpl.class, SendMessageImpl.class);
    worker =
        new ApplicationContextRunner()
            .withBean(WorkerFactory.class, env::getWorkerFactory)
            .withBean(WorkflowClient.class, env::getWorkflowClient)
            .withBean(DataSource.class, TestPostgres::dataSource)
            // Registered as component scanning would: only when its switch condition holds.
            .withBean(ConversationMessages.class, ConversationSwitchTest::messages)
            .withUserConfiguration(
                CustomerActions.class, ConversationReservations.class, ConversationWorker.class);
  }

  @AfterEach
  void stopTemporal() {
    env.close();
  }

  @Test
  void givenTheSwitchOn_itShouldRunTheCoordinatorItsCustomerActionsAndItsMessages() {
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

              // A message whose only dunning is not open: the worker runs the activity, which
              // sends nothing.
              MessageDelivery delivery =
                  client
                      .newWorkflowStub(
                          SendMessage.class,
                          WorkflowOptions.newBuilder()
                              .setWorkflowId("send-message-on")
                              .setTaskQueue(DunningIds.TASK_QUEUE)
                              .setWorkflowExecutionTimeout(Patience.WAIT)
                              .build())
                      .send(
                          new CustomerMessage(
                              "dunning-customer-stripe-cus_on:message-1",
                              "stripe",
                              "cus_on",
                              Channel.EMAIL,
                              NoticeKind.REMINDER,
                              List.of(
                                  new MessageNotice(
                                      "dunning-stripe-in_gone",
                                      "dunning-stripe-in_gone:notice:email",
                                      NoticeKind.REMINDER,
                                      null))));

              assertThat(context).hasSingleBean(ConversationReservations.class);
              assertThat(context).hasSingleBean(ConversationMessages.class);
              assertThat(delivery)
                  .isEqualTo(new MessageDelivery(false, null, List.of(), "no open invoice"));
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
          assertThat(context).doesNotHaveBean(ConversationMessages.class);
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

  /** A workflow that runs the coordinator's send once, to show the worker has it registered. */
  @WorkflowInterface
  public interface SendMessage {
    @WorkflowMethod
    MessageDelivery send(CustomerMessage message);
  }

  public static class SendMessageImpl implements SendMessage {
    @Override
    public MessageDelivery send(CustomerMessage message) {
      return Workflow.newActivityStub(
              MessageActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build())
          .sendMessage(message);
    }
  }

  /** The real send activity over the test PostgreSQL, with an SMTP client nothing calls. */
  private static ConversationMessages messages() {
    JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.dataSource());
    NoticeRenderer renderer = NoticeSettings.renderer(name -> null);
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    Properties timeouts = new Properties();
    timeouts.setProperty("mail.smtp.connectiontimeout", "5000");
    timeouts.setProperty("mail.smtp.timeout", "5000");
    timeouts.setProperty("mail.smtp.writetimeout", "5000");
    mail.setJavaMailProperties(timeouts);
    return new ConversationMessages(
        jdbc,
        new NoticeLedger(jdbc, new DataSourceTransactionManager(TestPostgres.dataSource())),
        renderer,
        new NoticeMailer(mail, "billing@example.com", renderer.brand()),
        new DisabledSmsSender(),
        Duration.ofSeconds(1));
  }
}
