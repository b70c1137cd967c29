package com.example.dunning.api.dashboard;

import com.google.protobuf.Timestamp;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads a dunning's workflow from the workflow service (DescribeWorkflowExecution for the search
 * attributes, GetWorkflowExecutionHistory for the events), calls every Temporal server answers, the
 * SDK's test server included. The pending timers come from the history, since
 * DescribeWorkflowExecution does not list them.
 */
@Component
class TemporalViews {

  private final WorkflowClient client;

  TemporalViews(WorkflowClient client) {
    this.client = client;
  }

  /**
   * @throws io.temporal.client.WorkflowNotFoundException when Temporal has no such workflow
   * @throws io.temporal.client.WorkflowException or {@link io.grpc.StatusRuntimeException} when
   *     Temporal does not answer
   */
  TemporalView of(String workflowId) {
    WorkflowExecutionDescription description = client.newUntypedWorkflowStub(workflowId).describe();
    List<HistoryEvent> history =
        client.fetchHistory(workflowId, description.getExecution().getRunId()).getEvents();
    return new TemporalView(
        lastFirst(history), history.size(), pendingTimers(history), searchAttributes(description));
  }

  private static List<TemporalView.Event> lastFirst(List<HistoryEvent> history) {
    List<TemporalView.Event> events = new ArrayList<>();
    for (int i = history.size() - 1; i >= 0 && events.size() < TemporalView.EVENTS_SHOWN; i--) {
      HistoryEvent event = history.get(i);
      events.add(
          new TemporalView.Event(
              event.getEventId(),
              typeName(event.getEventType()),
              instant(event.getEventTime()),
              detail(event)));
    }
    return events;
  }

  static List<TemporalView.PendingTimer> pendingTimers(List<HistoryEvent> history) {
    Map<Long, TemporalView.PendingTimer> started = new LinkedHashMap<>();
    for (HistoryEvent event : history) {
      switch (event.getEventType()) {
        case EVENT_TYPE_TIMER_STARTED -> {
          var timer = event.getTimerStartedEventAttributes();
          Duration delay =
              Duration.ofSeconds(
                  timer.getStartToFireTimeout().getSeconds(),
                  timer.getStartToFireTimeout().getNanos());
          started.put(
              event.getEventId(),
              new TemporalView.PendingTimer(
                  timer.getTimerId(), instant(event.getEventTime()).plus(delay)));
        }
        case EVENT_TYPE_TIMER_FIRED ->
            started.remove(event.getTimerFiredEventAttributes().getStartedEventId());
        case EVENT_TYPE_TIMER_CANCELED ->
            started.remove(event.getTimerCanceledEventAttributes().getStartedEventId());
        default -> {}
      }
    }
    return List.copyOf(started.values());
  }

  private static Map<String, String> searchAttributes(WorkflowExecutionDescription description) {
    Map<String, String> attributes = new TreeMap<>();
    description
        .getTypedSearchAttributes()
        .getUntypedValues()
        .forEach((key, value) -> attributes.put(key.getName(), String.valueOf(value)));
    return Collections.unmodifiableMap(attributes);
  }

  /** {@code EVENT_TYPE_TIMER_STARTED} is {@code TimerStarted}, as the Temporal UI writes it. */
  static String typeName(EventType type) {
    return Arrays.stream(type.name().replaceFirst("^EVENT_TYPE_", "").split("_"))
        .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining());
  }

  /** What names the event among others of its type: the activity, timer, signal or update. */
  private static String detail(HistoryEvent event) {
    return switch (event.getEventType()) {
      case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED ->
          event.getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName();
      case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED ->
          event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
      case EVENT_TYPE_ACTIVITY_TASK_FAILED ->
          event.getActivityTaskFailedEventAttributes().getFailure().getMessage();
      case EVENT_TYPE_TIMER_STARTED -> {
        var timer = event.getTimerStartedEventAttributes();
        yield "timer "
            + timer.getTimerId()
            + " for "
            + Duration.ofSeconds(timer.getStartToFireTimeout().getSeconds());
      }
      case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED ->
          event.getWorkflowExecutionSignaledEventAttributes().getSignalName();
      case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED ->
          event
              .getWorkflowExecutionUpdateAcceptedEventAttributes()
              .getAcceptedRequest()
              .getInput()
              .getName();
      default -> "";
    };
  }

  private static Instant instant(Timestamp time) {
    return Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
  }
}
