package com.example.dunning.workflows;

import static com.example.dunning.workflows.testing.MockActivities.mockActivities;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.dunning.workflows.activities.CustomerActionActivities;
import com.example.dunning.workflows.activities.CustomerActionActivities.ActionRequest;
import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.client.ConversationStart;
import com.example.dunning.workflows.conversation.Channel;
import com.example.dunning.workflows.conversation.ConversationIds;
import com.example.dunning.workflows.conversation.ConversationRun;
import com.example.dunning.workflows.conversation.CustomerAction;
import com.example.dunning.workflows.conversation.CustomerConversationWorkflow;
import com.example.dunning.workflows.conversation.CustomerConversationWorkflowImpl;
import com.example.dunning.workflows.conversation.MessageCaps;
import com.example.dunning.workflows.conversation.NoticeRequest;
import com.example.dunning.workflows.conversation.NoticeSlot;
import com.example.dunning.workflows.conversation.ReservedNotice;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.ActedDunning;
import com.example.dunning.workflows.model.ActionClaimState;
import com.example.dunning.workflows.model.CustomerActionKind;
import com.example.dunning.workflows.model.CustomerActionResult;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.policy.QuietHours;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** A customer's coordinator with its caps, on the test server with skipped time. */
class CustomerConversationWorkflowTest {

  private static final Instant MONDAY_9 = Instant.parse("2026-12-07T09:00:00Z");
  private static final String PROVIDER = "stripe";
  private static final String CUSTOMER = "cus_42";
  private static final String ID = ConversationIds.workflowId(PROVIDER, CUSTOMER);
  private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final DunningRecordActivities records = mockActivities(DunningRecordActivities.class);
  private final CustomerActionActivities customerActions =
      mockActivities(CustomerActionActivities.class);

  @RegisterExtension
  final HistoryRecorder histories = HistoryRecorder.conversation(ID, () -> client);

  @BeforeEach
  void startTemporal() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setInitialTime(MONDAY_9).build());
    Worker worker = env.newWorker(DunningIds.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(CustomerConversationWorkflowImpl.class);
    worker.registerActivitiesImplementations(records, customerActions);
    client = env.getWorkflowClient();
    env.start();
  }

  @AfterEach
  void stopTemporal() {
    env.close();
  }

  @Test
  void givenTwoDunningsAskingForAnEmailTheSameDay_itShouldDeferTheSecondAndLogTheCap() {
    NoticeSlot first = reserve("in_1", Channel.EMAIL, null);
    NoticeSlot second = reserve("in_2", Channel.EMAIL, null);
    env.sleep(Duration.ofMinutes(1));

    assertThat(first.deferredBy()).isNull();
    assertThat(first.sendAt()).isBetween(MONDAY_9, MONDAY_9.plusSeconds(1));
    assertThat(second.sendAt()).isEqualTo(first.sendAt().plus(Duration.ofDays(1)));
    assertThat(second.deferredBy()).isEqualTo("1 EMAIL per 1 day");
    List<DunningEvent> logged = recorded();
    assertThat(logged).hasSize(1);
    DunningEvent deferral = logged.get(0);
    assertThat(deferral.dunningId()).isEqualTo("dunning-stripe-in_2");
    assertThat(deferral.key()).isEqualTo("dunning-stripe-in_2:first-notice:EMAIL:deferred");
    assertThat(deferral.entry().title()).isEqualTo(LogTitle.DEFERRED);
    assertThat(deferral.entry().note())
        .contains("deferred to " + second.sendAt())
        .contains("cap 1 EMAIL per 1 day");
    assertThat(coordinator().state().deferred())
        .extracting(ReservedNotice::dunningId)
        .containsExactly("dunning-stripe-in_2");
  }

  @Test
  void givenAStormOfNotices_itShouldHoldEveryCapAndDeferEachNoticeBeyondThemWithoutDroppingAny() {
    List<NoticeSlot> emails = new ArrayList<>();
    List<NoticeSlot> sms = new ArrayList<>();
    for (int invoice = 1; invoice <= 10; invoice++) {
      emails.add(reserve("in_" + invoice, Channel.EMAIL, null));
      if (invoice <= 3) {
        sms.add(reserve("in_" + invoice, Channel.SMS, null));
      }
    }
    env.sleep(Duration.ofMinutes(1));

    List<Instant> emailTimes = emails.stream().map(NoticeSlot::sendAt).sorted().toList();
    for (int i = 1; i < emailTimes.size(); i++) {
      assertThat(Duration.between(emailTimes.get(i - 1), emailTimes.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofDays(1));
    }
    for (int i = 3; i < emailTimes.size(); i++) {
      assertThat(Duration.between(emailTimes.get(i - 3), emailTimes.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofDays(7));
    }
    List<Instant> smsTimes = sms.stream().map(NoticeSlot::sendAt).sorted().toList();
    for (int i = 1; i < smsTimes.size(); i++) {
      assertThat(Duration.between(smsTimes.get(i - 1), smsTimes.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofDays(7));
    }
    assertThat(coordinator().state().reserved()).hasSize(13);
    assertThat(recorded())
        .hasSize(9 + 2)
        .allSatisfy(event -> assertThat(event.entry().title()).isEqualTo(LogTitle.DEFERRED));
  }

  @Test
  void givenACapEndingAtNight_itShouldDeferTheNoticeToTheMorningOfTheCustomer() {
    env.sleep(Duration.ofHours(12).plusMinutes(30));
    NoticeSlot first = reserve("in_1", Channel.SMS, null);
    NoticeSlot second = reserve("in_2", Channel.SMS, "Europe/Berlin");

    assertThat(first.sendAt()).isAfterOrEqualTo(Instant.parse("2026-12-07T21:30:00Z"));
    assertThat(second.sendAt()).isEqualTo(Instant.parse("2026-12-15T07:00:00Z"));
    assertThat(second.deferredBy()).isEqualTo("1 SMS per 7 days");
  }

  @Test
  void givenTheSameNoticeAskedTwice_itShouldAnswerTheSameMomentAndLogItOnce() {
    reserve("in_1", Channel.EMAIL, null);
    NoticeSlot asked = reserve("in_2", Channel.EMAIL, null);
    env.sleep(Duration.ofHours(1));
    NoticeSlot again = reserve("in_2", Channel.EMAIL, null);
    env.sleep(Duration.ofMinutes(1));

    assertThat(again).isEqualTo(asked);
    assertThat(coordinator().state().reserved()).hasSize(2);
    assertThat(recorded()).hasSize(1);
  }

  @Test
  void givenManyNotices_itShouldContinueAsNewAndCarryWhatItReserved() {
    WorkflowClient.start(
        client.newWorkflowStub(
                CustomerConversationWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(ID)
                    .setTaskQueue(DunningIds.TASK_QUEUE)
                    .build())
            ::run,
        new ConversationRun(PROVIDER, CUSTOMER, MessageCaps.defaults(), List.of(), 5));
    NoticeSlot firstOfAll = null;
    for (int invoice = 1; invoice <= 12; invoice++) {
      NoticeSlot slot = reserve("in_" + invoice, Channel.EMAIL, null);
      firstOfAll = firstOfAll == null ? slot : firstOfAll;
      if (invoice % 5 == 0) {
        env.sleep(Duration.ofMinutes(1));
      }
    }

    assertThat(HistoryRecorder.runs(client, ID)).hasSize(3);
    assertThat(coordinator().state().reserved()).hasSize(12);
    assertThat(reserve("in_1", Channel.EMAIL, null)).isEqualTo(firstOfAll);
  }

  @Test
  void givenAQuietCustomer_itShouldEndAfterTheLongestWindowAndStartAgainOnTheNextNotice() {
    reserve("in_1", Channel.EMAIL, null);
    env.sleep(Duration.ofDays(8));

    assertThat(client.newUntypedWorkflowStub(ID).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    NoticeSlot next = reserve("in_2", Channel.EMAIL, null);
    assertThat(next.deferredBy()).isNull();
    assertThat(coordinator().state().reserved()).hasSize(1);
  }

  @Test
  void givenANoticeWithoutAChannel_itShouldBeRefusedAndReserveNothing() {
    reserve("in_1", Channel.EMAIL, null);
    NoticeRequest noChannel =
        new NoticeRequest(
            "dunning-stripe-in_2", "dunning-stripe-in_2:first-notice:", null, null, null);

    assertThatThrownBy(() -> coordinator().reserveNotice(noChannel))
        .isInstanceOf(WorkflowUpdateException.class);
    assertThat(coordinator().state().reserved()).hasSize(1);
  }

  @Test
  void givenACustomerActionDeliveredTwice_itShouldActOnceAndAnswerTheSameDunnings() {
    CustomerActionResult claimed =
        new CustomerActionResult(
            ID + ":action:req-1",
            CustomerActionKind.RETRY_NOW,
            List.of(
                new ActedDunning("dunning-stripe-in_1", "in_1", ActionClaimState.SIGNALLED),
                new ActedDunning("dunning-stripe-in_2", "in_2", ActionClaimState.SIGNALLED)));
    when(customerActions.actForCustomer(any())).thenReturn(claimed);
    reserve("in_1", Channel.EMAIL, null);
    CustomerAction action =
        new CustomerAction("req-1", CustomerActionKind.RETRY_NOW, "alice", null);

    CustomerActionResult first = coordinator().customerAction(action);
    env.sleep(Duration.ofMinutes(1));
    CustomerActionResult again = coordinator().customerAction(action);

    assertThat(first).isEqualTo(claimed);
    assertThat(again).isEqualTo(claimed);
    ArgumentCaptor<ActionRequest> asked = ArgumentCaptor.forClass(ActionRequest.class);
    verify(customerActions, times(1)).actForCustomer(asked.capture());
    assertThat(asked.getValue())
        .isEqualTo(
            new ActionRequest(
                ID + ":action:req-1",
                PROVIDER,
                CUSTOMER,
                CustomerActionKind.RETRY_NOW,
                "alice",
                null));
  }

  @Test
  void givenAnEndedCoordinator_whenTheCustomerActs_itShouldStartAgainAndAct() {
    when(customerActions.actForCustomer(any()))
        .thenAnswer(
            call ->
                new CustomerActionResult(
                    call.<ActionRequest>getArgument(0).actionKey(),
                    CustomerActionKind.PAYMENT_METHOD_UPDATED,
                    List.of()));
    reserve("in_1", Channel.EMAIL, null);
    env.sleep(Duration.ofDays(8));
    assertThat(client.newUntypedWorkflowStub(ID).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);

    CustomerActionResult acted =
        ConversationStart.customerAction(
                client,
                PROVIDER,
                CUSTOMER,
                new CustomerAction(
                    "req-2", CustomerActionKind.PAYMENT_METHOD_UPDATED, "alice", "pm_new"))
            .getResult();

    assertThat(acted.actionKey()).isEqualTo(ID + ":action:req-2");
    assertThat(client.newUntypedWorkflowStub(ID).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    verify(customerActions, times(1)).actForCustomer(any());
  }

  @Test
  void givenTheActionSignalledTwiceAndOnceWithoutItsKind_itShouldActOnceAndIgnoreTheBadOne() {
    when(customerActions.actForCustomer(any()))
        .thenAnswer(
            call ->
                new CustomerActionResult(
                    call.<ActionRequest>getArgument(0).actionKey(),
                    CustomerActionKind.RETRY_NOW,
                    List.of()));
    reserve("in_1", Channel.EMAIL, null);
    CustomerAction action = new CustomerAction("req-3", CustomerActionKind.RETRY_NOW, "ops", null);

    coordinator().act(action);
    coordinator().act(new CustomerAction("req-4", null, "ops", null));
    coordinator().act(action);
    env.sleep(Duration.ofMinutes(1));

    verify(customerActions, times(1)).actForCustomer(any());
    assertThat(client.newUntypedWorkflowStub(ID).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  @Test
  void givenAnActionWithoutARequestId_itShouldBeRefused() {
    reserve("in_1", Channel.EMAIL, null);
    assertThatThrownBy(
            () ->
                coordinator()
                    .customerAction(
                        new CustomerAction(null, CustomerActionKind.RETRY_NOW, "alice", null)))
        .isInstanceOf(WorkflowUpdateException.class);
  }

  private NoticeSlot reserve(String invoice, Channel channel, String timeZone) {
    String dunningId = DunningIds.workflowId(PROVIDER, invoice);
    NoticeRequest request =
        new NoticeRequest(
            dunningId, dunningId + ":first-notice:" + channel, channel, NIGHT, timeZone);
    return ConversationStart.reserveNotice(client, PROVIDER, CUSTOMER, request);
  }

  private CustomerConversationWorkflow coordinator() {
    return client.newWorkflowStub(CustomerConversationWorkflow.class, ID);
  }

  @SuppressWarnings("unchecked")
  private List<DunningEvent> recorded() {
    ArgumentCaptor<List<DunningEvent>> batches = ArgumentCaptor.forClass(List.class);
    verify(records, atLeastOnce()).recordEvents(batches.capture());
    return batches.getAllValues().stream().flatMap(List::stream).toList();
  }
}
