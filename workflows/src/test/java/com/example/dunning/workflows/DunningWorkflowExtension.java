package com.example.dunning.workflows;

import static com.example.dunning.workflows.DunningFixtures.DUNNING_ID;
import static com.example.dunning.workflows.testing.MockActivities.mockActivities;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.NotificationActivities.Delivery;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.activities.PackageActivities;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.client.ConversationStart;
import com.example.dunning.workflows.conversation.ConversationActivities;
import com.example.dunning.workflows.conversation.CustomerConversationWorkflowImpl;
import com.example.dunning.workflows.conversation.CustomerMessage;
import com.example.dunning.workflows.conversation.MessageActivities;
import com.example.dunning.workflows.conversation.MessageDelivery;
import com.example.dunning.workflows.conversation.MessageNotice;
import com.example.dunning.workflows.conversation.NoticeSlot;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningSearchAttributes;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.DunningWorkflowImpl;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.InvoiceStatus;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The dunning tests' Temporal, in the way the SDK's {@code TestWorkflowExtension} is one: for each
 * test a time-skipping test server with the search attributes registered, a worker running {@link
 * DunningWorkflowImpl} on mocked activities that answer as a dunning that goes on unpaid (invoice
 * open, charges declined, notices delivered, emails kept with their time), and the history of the
 * dunning {@link DunningFixtures#DUNNING_ID} recorded by {@link HistoryRecorder}. A test stubs the
 * mocks again for anything else.
 */
final class DunningWorkflowExtension
    implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

  static final ChargeResult DECLINED =
      new ChargeResult(false, "card_declined", "insufficient_funds", false, false, "declined");

  private final Instant startedAt;
  private final PaymentActivities payments = mockActivities(PaymentActivities.class);
  private final NotificationActivities notifications = mockActivities(NotificationActivities.class);
  private final PackageActivities packages = mockActivities(PackageActivities.class);
  private final DunningRecordActivities records = mockActivities(DunningRecordActivities.class);
  private final List<Notice> emails = new ArrayList<>();
  private final List<Instant> emailTimes = new ArrayList<>();
  private final List<CustomerMessage> messages = new ArrayList<>();
  private final List<Instant> messageTimes = new ArrayList<>();
  private final HistoryRecorder histories;
  private TestWorkflowEnvironment env;

  private DunningWorkflowExtension(Instant startedAt, String historyPrefix) {
    this.startedAt = startedAt;
    this.histories = HistoryRecorder.dunning(historyPrefix, this::client);
  }

  /** The test server's clock starts at the real time. */
  static DunningWorkflowExtension create() {
    return new DunningWorkflowExtension(null, HistoryRecorder.DUNNING_PREFIX);
  }

  static DunningWorkflowExtension startingAt(Instant startedAt) {
    return new DunningWorkflowExtension(startedAt, HistoryRecorder.DUNNING_PREFIX);
  }

  /**
   * For dunnings that ask the customer's coordinator: their histories get a prefix of their own.
   */
  static DunningWorkflowExtension conversingFrom(Instant startedAt) {
    return new DunningWorkflowExtension(startedAt, HistoryRecorder.COORDINATOR_SENDS_PREFIX);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestEnvironmentOptions.Builder options = TestEnvironmentOptions.newBuilder();
    if (startedAt != null) {
      options.setInitialTime(startedAt);
    }
    env = TestWorkflowEnvironment.newInstance(options.build());
    DunningSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
    Worker worker = env.newWorker(DunningIds.TASK_QUEUE);
    // The customer's coordinator, as the worker runs it with the switch on; only dunnings whose
    // settings say so ever ask it.
    worker.registerWorkflowImplementationTypes(
        DunningWorkflowImpl.class, CustomerConversationWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        payments, notifications, packages, records, new Coordinator(), new Messages());
    when(records.openDunning(any())).thenReturn(DunningFixtures.WORKFLOW_RETRIES);
    when(payments.fetchPayment(any())).thenReturn(DunningFixtures.payment(InvoiceStatus.OPEN));
    // The batch the workflow records counts as its events, one by one, for the tests' checks.
    doAnswer(
            call -> {
              for (Object event : (List<?>) call.getArgument(0)) {
                records.recordEvent((DunningEvent) event);
              }
              return null;
            })
        .when(records)
        .recordEvents(any());
    when(payments.retryCharge(any())).thenReturn(DECLINED);
    when(notifications.sendEmail(any()))
        .thenAnswer(
            call -> {
              emails.add(call.getArgument(0));
              emailTimes.add(now());
              return new Delivery(true, "jenny@example.com", null);
            });
    when(notifications.sendSms(any())).thenReturn(new Delivery(true, "+4746567468", null));
    env.start();
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws IOException {
    histories.afterTestExecution(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    env.close();
  }

  /** What the worker's ConversationReservations does: the client's update-with-start. */
  private final class Coordinator implements ConversationActivities {
    @Override
    public NoticeSlot reserveNotice(NoticeReservation reservation) {
      return ConversationStart.reserveNotice(
          client(), reservation.provider(), reservation.customerId(), reservation.notice());
    }
  }

  /**
   * What the worker's ConversationMessages does, as far as a dunning can tell: the message lists
   * the carried dunnings whose workflows are still running, and is kept with its time.
   */
  private final class Messages implements MessageActivities {
    @Override
    public MessageDelivery sendMessage(CustomerMessage message) {
      List<String> open =
          message.notices().stream()
              .map(MessageNotice::dunningId)
              .distinct()
              .filter(
                  id ->
                      client().newUntypedWorkflowStub(id).describe().getStatus()
                          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING)
              .toList();
      if (open.isEmpty()) {
        return new MessageDelivery(false, null, List.of(), "no open invoice");
      }
      messages.add(message);
      messageTimes.add(now());
      return new MessageDelivery(true, "jenny@example.com", open, null);
    }
  }

  /** A stub of the dunning {@link DunningFixtures#DUNNING_ID}, to start or to signal. */
  DunningWorkflow dunning() {
    return client()
        .newWorkflowStub(
            DunningWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(DUNNING_ID)
                .setTaskQueue(DunningIds.TASK_QUEUE)
                .build());
  }

  static DunningResult resultOf(DunningWorkflow dunning) {
    return WorkflowStub.fromTyped(dunning).getResult(DunningResult.class);
  }

  /** Skips time; returns once the workflow has done what that time set off. */
  void sleep(Duration duration) {
    env.sleep(duration);
  }

  Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  PaymentActivities payments() {
    return payments;
  }

  NotificationActivities notifications() {
    return notifications;
  }

  PackageActivities packages() {
    return packages;
  }

  DunningRecordActivities records() {
    return records;
  }

  /** The emails sent, in order. */
  List<Notice> emails() {
    return emails;
  }

  /** The customer's coordinator's messages sent, in order. */
  List<CustomerMessage> messages() {
    return messages;
  }

  /** When each of {@link #messages()} was sent, by the test server's clock. */
  List<Instant> messageTimes() {
    return messageTimes;
  }

  /** When each of {@link #emails()} was sent, by the test server's clock. */
  List<Instant> emailTimes() {
    return emailTimes;
  }
}
