package com.example.dunning.workflows;

import static com.example.dunning.workflows.DunningFixtures.DUNNING_ID;
import static com.example.dunning.workflows.DunningFixtures.request;
import static com.example.dunning.workflows.DunningWorkflowExtension.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.MarkPaid;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.LogTitle;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * Two dunnings of one customer opened with the switch on: each asks the customer's coordinator
 * before its notices, so the caps (one email a day, one SMS a week) hold across both. The
 * coordinator runs on the same test server, with skipped time.
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
  private final List<Instant> emailTimes = temporal.emailTimes();

  @BeforeEach
  void openWithTheSwitchOn() {
    when(records.openDunning(any())).thenReturn(DunningFixtures.CONVERSING);
  }

  @Test
  void
      givenTwoDunningsOfOneCustomer_whenBothFirstEmailsFallOnOneDay_itShouldSendTheSecondNextDay() {
    DunningWorkflow other = other();
    WorkflowClient.start(other::run, otherRequest());
    temporal.sleep(Duration.ofHours(2));
    DunningWorkflow dunning = temporal.dunning();
    WorkflowClient.start(dunning::run, request());

    DunningResult result = resultOf(dunning);
    DunningResult otherResult = resultOf(other);

    assertThat(result.outcome()).isEqualTo(DunningStatus.EXPIRED);
    assertThat(otherResult.outcome()).isEqualTo(DunningStatus.EXPIRED);
    Instant othersFirst = sentAt(OTHER_ID + ":notice:email");
    Instant deferredFirst = sentAt(DUNNING_ID + ":notice:email");
    assertThat(Duration.between(othersFirst, deferredFirst))
        .isBetween(Duration.ofDays(1).minus(SEND_LAG), Duration.ofDays(1).plus(SEND_LAG));
    assertThat(emailKeys())
        .containsExactlyInAnyOrderElementsOf(
            stepKeys("email", "notice", "retry-1", "final-warning", "expire"));
    assertThat(smsKeys())
        .containsExactlyInAnyOrderElementsOf(stepKeys("sms", "notice", "final-warning"));
    // The cap holds across both dunnings: never two emails within a day (of their reservations,
    // which a send follows by the moments its workflow task takes).
    List<Instant> times = emailTimes.stream().sorted().toList();
    IntStream.range(1, times.size())
        .forEach(
            i ->
                assertThat(Duration.between(times.get(i - 1), times.get(i)))
                    .isGreaterThanOrEqualTo(Duration.ofDays(1).minus(SEND_LAG)));
    assertThat(recorded())
        .filteredOn(event -> event.entry() != null && event.entry().title() == LogTitle.DEFERRED)
        .filteredOn(event -> event.key().equals(DUNNING_ID + ":notice:email:deferred"))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.dunningId()).isEqualTo(DUNNING_ID);
              assertThat(event.entry().note()).contains("cap 1 EMAIL per 1 day");
            });
  }

  @Test
  void givenADeferredNotice_whenItsDunningIsPaidWhileWaiting_itShouldSendNothing() {
    DunningWorkflow other = other();
    WorkflowClient.start(other::run, otherRequest());
    temporal.sleep(Duration.ofHours(2));
    DunningWorkflow dunning = temporal.dunning();
    WorkflowClient.start(dunning::run, request());
    temporal.sleep(Duration.ofHours(1));
    dunning.markPaid(new MarkPaid("alice", "bank transfer"));

    DunningResult result = resultOf(dunning);

    assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    assertThat(emailKeys()).containsExactly(OTHER_ID + ":notice:email");
    assertThat(smsKeys()).containsExactly(OTHER_ID + ":notice:sms");
    assertThat(recorded())
        .filteredOn(event -> event.entry() != null && event.entry().title() == LogTitle.DEFERRED)
        .extracting(DunningEvent::key)
        .contains(DUNNING_ID + ":notice:email:deferred");
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

  private Instant sentAt(String key) {
    return emailTimes.get(emailKeys().indexOf(key));
  }

  private List<String> emailKeys() {
    return emails.stream().map(Notice::key).toList();
  }

  private List<String> smsKeys() {
    ArgumentCaptor<Notice> sent = ArgumentCaptor.forClass(Notice.class);
    verify(notifications, atLeastOnce()).sendSms(sent.capture());
    return sent.getAllValues().stream().map(Notice::key).toList();
  }

  private List<DunningEvent> recorded() {
    ArgumentCaptor<DunningEvent> events = ArgumentCaptor.forClass(DunningEvent.class);
    verify(records, atLeastOnce()).recordEvent(events.capture());
    return events.getAllValues();
  }
}
