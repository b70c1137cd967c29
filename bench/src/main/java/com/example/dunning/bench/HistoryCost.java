package com.example.dunning.bench;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one workflow run costs on Temporal Cloud, counted from its history as Temporal Cloud
 * documents its billable actions (docs.temporal.io/cloud/actions): a start (a signal-with-start is
 * one action with its signal), each signal, each activity scheduled and each retry, each timer,
 * each search-attribute upsert, all local activities of one workflow task together (plus their
 * retries), each accepted update. Queries leave no event and are not counted.
 */
public record HistoryCost(
    int events,
    int actions,
    int activities,
    int localActivityTasks,
    int timers,
    int upserts,
    int signals) {

  private static final String CHANGE_VERSION = "TemporalChangeVersion";

  public static HistoryCost of(List<HistoryEvent> history) {
    int actions = 0;
    int activities = 0;
    int timers = 0;
    int upserts = 0;
    int signals = 0;
    Set<Long> tasksWithMarkers = new HashSet<>();
    EventType previous = null;
    for (HistoryEvent event : history) {
      EventType type = event.getEventType();
      switch (type) {
        case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> actions++;
        case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED -> {
          signals++;
          // The signal of a signal-with-start follows the start and is billed with it.
          if (previous != EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED) {
            actions++;
          }
        }
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
          activities++;
          actions++;
        }
        case EVENT_TYPE_ACTIVITY_TASK_STARTED ->
            actions += Math.max(0, event.getActivityTaskStartedEventAttributes().getAttempt() - 1);
        case EVENT_TYPE_TIMER_STARTED -> {
          timers++;
          actions++;
        }
        case EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES -> {
          Set<String> names =
              event
                  .getUpsertWorkflowSearchAttributesEventAttributes()
                  .getSearchAttributes()
                  .getIndexedFieldsMap()
                  .keySet();
          if (!Set.of(CHANGE_VERSION).containsAll(names)) {
            upserts++;
            actions++;
          }
        }
        case EVENT_TYPE_MARKER_RECORDED ->
            tasksWithMarkers.add(
                event.getMarkerRecordedEventAttributes().getWorkflowTaskCompletedEventId());
        case EVENT_TYPE_WORKFLOW_TASK_COMPLETED ->
            actions +=
                event
                    .getWorkflowTaskCompletedEventAttributes()
                    .getMeteringMetadata()
                    .getNonfirstLocalActivityExecutionAttempts();
        case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED -> actions++;
        case EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED -> actions += 2;
        default -> {}
      }
      previous = type;
    }
    actions += tasksWithMarkers.size();
    return new HistoryCost(
        history.size(), actions, activities, tasksWithMarkers.size(), timers, upserts, signals);
  }
}
