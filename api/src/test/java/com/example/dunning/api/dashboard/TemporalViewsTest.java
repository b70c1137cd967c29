package com.example.dunning.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.TimerFiredEventAttributes;
import io.temporal.api.history.v1.TimerStartedEventAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemporalViewsTest {

  private static final long T0 = Instant.parse("2026-11-27T10:00:00Z").getEpochSecond();

  @Test
  void givenOneTimerFiredAndOneStarted_itShouldListTheStartedOneWithItsFireTime() {
    List<HistoryEvent> history =
        List.of(
            timerStarted(5, "1", 60),
            HistoryEvent.newBuilder()
                .setEventId(6)
                .setEventType(EventType.EVENT_TYPE_TIMER_FIRED)
                .setTimerFiredEventAttributes(
                    TimerFiredEventAttributes.newBuilder().setTimerId("1").setStartedEventId(5))
                .build(),
            timerStarted(9, "2", 3 * 86400));

    assertThat(TemporalViews.pendingTimers(history))
        .containsExactly(new TemporalView.PendingTimer("2", Instant.parse("2026-11-30T10:00:00Z")));
  }

  @Test
  void givenAnEventType_itShouldBeWrittenAsTheTemporalUiWritesIt() {
    assertThat(TemporalViews.typeName(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED))
        .isEqualTo("WorkflowExecutionUpdateAccepted");
  }

  @Test
  void givenTemporalUnreachable_itShouldThrowWhatTheDunningPageCatches() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + closedPort)
                .setRpcRetryOptions(RpcRetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
    try {
      TemporalViews views = new TemporalViews(WorkflowClient.newInstance(service));

      assertThatThrownBy(() -> views.of("dunning-stripe-in_unreachable"))
          .isInstanceOfAny(WorkflowException.class, StatusRuntimeException.class);
    } finally {
      service.shutdownNow();
    }
  }

  private static HistoryEvent timerStarted(long id, String timerId, long seconds) {
    return HistoryEvent.newBuilder()
        .setEventId(id)
        .setEventType(EventType.EVENT_TYPE_TIMER_STARTED)
        .setEventTime(Timestamp.newBuilder().setSeconds(T0))
        .setTimerStartedEventAttributes(
            TimerStartedEventAttributes.newBuilder()
                .setTimerId(timerId)
                .setStartToFireTimeout(Duration.newBuilder().setSeconds(seconds)))
        .build();
  }
}
