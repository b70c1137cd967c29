package com.example.dunning.workflows;

import static com.example.dunning.workflows.DunningFixtures.DUNNING_ID;
import static com.example.dunning.workflows.DunningFixtures.request;
import static com.example.dunning.workflows.DunningWorkflowExtension.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.activities.PaymentActivities.ChargeRequest;
import com.example.dunning.workflows.conversation.Channel;
import com.example.dunning.workflows.conversation.CustomerMessage;
import com.example.dunning.workflows.conversation.MessageNotice;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.MarkPaid;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.policy.NoticeKind;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * Two dunnings of one customer opened with the switch on: each hands its reminders to the
 * customer's coordinator, which sends them merged and within the caps (one email a day, one SMS a
 * week) while the dunnings keep their own schedules. The coordinator runs on the same test server,
 * with skipped time; its send activity is the extension's stand-in.
 */
class DunningConversationTest {

  /** A Monday morning: no quiet hours in the fixtures' settings. */
  private static final Instant MONDAY_9 = Instant.parse("2026-12-07T09:00:00Z");

  /** How long after its reserved moment a notice may go out: its workflow task's moments. */
  private static final Duration SEND_LAG = Duration.ofMinutes(1);

  private static final String OTHER_INVOICE = "in_other";
  private static final String OTHER_ID = DunningIds.workflowId("stripe", OTHER_INVOICE);

  @RegisterExtension
  final DunningWorkflowExtension temporal = DunningWorkflowExtension.conversingFrom(MONDAY_9);

  private final NotificationActivities notifications = temporal.notifications();
  private final DunningRecordActivities records = temporal.records();
  private final List<Notice> emails = temporal.emails();

  @BeforeEach
  void openWithTheSwitchOn() {
    when(records.openDunning(any())).thenReturn(DunningFixtures.CONVERSING);
  }

  @Test
  void givenTwoDunningsOfOneCustomerFailingWithinAnHour_itShouldSendEachStepAsOneMessage() {
    List<Instant> expired = expiryTimes();
    DunningWorkflow other = other();
    WorkflowClient.start(other::run, otherRequest());
    temporal.sleep(Duration.ofMinutes(20));
    DunningWorkflow dunning = temporal.dunning();
    WorkflowClient.start(dunning::run, request());

    DunningResult result = resultOf(dunning);
    DunningResult otherResult = resultOf(other);

    assertThat(result.outcome()).isEqualTo(DunningStatus.EXPIRED);
    assertThat(otherResult.outcome()).isEqualTo(DunningStatus.EXPIRED);
    // Each step's reminders went out once, as one message carrying both dunnings' notices.
    assertThat(temporal.messages())
        .extracting(CustomerMessage::channel, CustomerMessage::kind)
        .containsExactly(
            tuple(Channel.EMAIL, NoticeKind.NOTICE),
            tuple(Channel.SMS, NoticeKind.NOTICE),
            tuple(Channel.EMAIL, NoticeKind.REMINDER),
            tuple(Channel.EMAIL, NoticeKind.FINAL_WARNING),
            tuple(Channel.SMS, NoticeKind.FINAL_WARNING));
    assertThat(temporal.messages())
        .allSatisfy(
            message ->
                assertThat(message.notices())
                    .extracting(MessageNotice::dunningId)
                    .containsExactly(OTHER_ID, DUNNING_ID));
    // The dunnings themselves sent only what the coordinator does not: the expiry notice.
    assertThat(emailKeys()).containsExactlyInAnyOrderElementsOf(stepKeys("email", "expire"));
    verify(notifications, never()).sendSms(any());
    // Neither waited for the coordinator: each expired on its own schedule, 20 minutes apart.
    assertThat(Duration.between(expired.get(0), expired.get(1)))
        .isBetween(Duration.ofMinutes(19), Duration.ofMinutes(21));
  }

  @Test
  void givenANoticeTheCapsDefer_itShouldBeSentLaterWithoutMovingTheDunningsCharges() {
    Map<String, Instant> charged = firstChargeTimes();
    DunningWorkflow other = other();
    WorkflowClient.start(other::run, otherRequest());
    temporal.sleep(Duration.ofHours(2));
    Instant opened = temporal.now();
    DunningWorkflow dunning = temporal.dunning();
    WorkflowClient.start(dunning::run, request());
    temporal.sleep(Duration.ofDays(3).plusHours(1));
    dunning.markPaid(new MarkPaid("alice", "bank transfer"));

    DunningResult result = resultOf(dunning);

    assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    List<CustomerMessage> emails =
        temporal.messages().stream()
            .filter(m -> m.channel() == Channel.EMAIL && m.kind() == NoticeKind.NOTICE)
            .toList();
    assertThat(emails).hasSize(2);
    assertThat(emails.get(1).notices())
        .extracting(MessageNotice::noticeKey)
        .containsExactly(DUNNING_ID + ":notice:email");
    Instant secondEmail = temporal.messageTimes().get(temporal.messages().indexOf(emails.get(1)));
    assertThat(Duration.between(temporal.messageTimes().get(0), secondEmail))
        .isBetween(Duration.ofDays(1).minus(SEND_LAG), Duration.ofDays(1).plus(SEND_LAG));
    assertThat(recorded())
        .filteredOn(event -> event.entry() != null && event.entry().title() == LogTitle.DEFERRED)
        .filteredOn(event -> event.dunningId().equals(DUNNING_ID))
        .extracting(event -> event.entry().note())
        .anySatisfy(note -> assertThat(note).contains("cap 1 EMAIL per 1 day"));
    // The deferral moved nothing of the dunning's own schedule: its first charge came on day 3.
    assertThat(Duration.between(opened, charged.get(DUNNING_ID)))
        .isBetween(Duration.ofDays(3), Duration.ofDays(3).plus(SEND_LAG));
  }

  /** When the packages expire, in order. */
  private List<Instant> expiryTimes() {
    List<Instant> times = new ArrayList<>();
    doAnswer(
            call -> {
              times.add(temporal.now());
              return null;
            })
        .when(temporal.packages())
        .expirePackage(any());
    return times;
  }

  /** When each dunning first tried a charge. */
  private Map<String, Instant> firstChargeTimes() {
    Map<String, Instant> times = new ConcurrentHashMap<>();
    doAnswer(
            call -> {
              times.putIfAbsent(call.<ChargeRequest>getArgument(0).dunningId(), temporal.now());
              return DunningWorkflowExtension.DECLINED;
            })
        .when(temporal.payments())
        .retryCharge(any());
    return times;
  }

  private DunningWorkflow other() {
    return temporal
        .client()
        .newWorkflowStub(
            DunningWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(OTHER_ID)
                .setTaskQueue(DunningIds.TASK_QUEUE)
                .build());
  }

  /** Another failed invoice of the same customer. */
  private static DunningRequest otherRequest() {
    DunningRequest request = request();
    return new DunningRequest(
        request.provider(),
        OTHER_INVOICE,
        request.customerId(),
        request.customerEmail(),
        request.amountDue(),
        request.currency(),
        request.attemptCount(),
        request.failedAt());
  }

  /** Each dunning's key of each named step on the {@code channel}. */
  private static List<String> stepKeys(String channel, String... steps) {
    List<String> keys = new ArrayList<>();
    for (String id : List.of(DUNNING_ID, OTHER_ID)) {
      for (String step : steps) {
        keys.add(id + ":" + step + ":" + channel);
      }
    }
    return keys;
  }

  private List<String> emailKeys() {
    return emails.stream().map(Notice::key).toList();
  }

  private List<DunningEvent> recorded() {
    ArgumentCaptor<DunningEvent> events = ArgumentCaptor.forClass(DunningEvent.class);
    verify(records, atLeastOnce()).recordEvent(events.capture());
    return events.getAllValues();
  }
}
