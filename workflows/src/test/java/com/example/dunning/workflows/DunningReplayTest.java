package com.example.dunning.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.dunning.DunningWorkflowImpl;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the recorded histories of every workflow scenario under the current code: a change that
 * would break running dunnings fails here, and so does a history lost or renamed. Re-record with
 * {@code ./mvnw -pl workflows test -Dtest=DunningWorkflowTest -Ddunning.recordHistories=true} only
 * for a new scenario or a change made safe by {@code Workflow.getVersion}, keeping the old
 * histories, and list what it wrote here.
 */
class DunningReplayTest {

  /** Recorded before {@link DunningWorkflowImpl#FEWER_ACTIONS}: remote activities. */
  private static final List<String> BEFORE_FEWER_ACTIONS =
      List.of(
          "givenAFloodOfSignals_itShouldContinueAsNewAndFinishTheScheduleOnce",
          "givenAHardDecline_itShouldStopRetryingUntilThePaymentMethodChanges",
          "givenAPauseDuringTheQuietHours_itShouldSendNothingUntilResumed",
          "givenAPauseWithAnEnd_whenItEnds_itShouldResumeByItself",
          "givenAPause_whenResumed_itShouldKeepTheTimeThatWasLeftToTheNextStep",
          "givenAPausedDunning_whenItsInvoiceIsVoidedAndTheSweepAsks_itShouldEndCancelled",
          "givenARunningDunning_whenCancelled_itShouldEndCancelledWithWhoAndWhy",
          "givenARunningDunning_whenMarkedPaidOnDayFour_itShouldRecoverAndSendNothingMore",
          "givenAnAuthenticationRequirement_itShouldSendItsOwnNoticeOncePerAttempt",
          "givenAnExpiredPackage_whenPaidLate_itShouldRestoreThePackage",
          "givenAnInvoiceAlreadyVoid_whenTheDunningOpens_itShouldEndCancelledAndSilent",
          "givenAnInvoicePaidAtTheProvider_whenTheSweepAsks_itShouldRecoverAtOnceAndSendNothingMore",
          "givenAnInvoiceStillOpen_whenTheSweepAsks_itShouldKeepItsSchedule",
          "givenAnInvoiceTheProviderDoesNotKnow_itShouldEndCancelledWithoutNotifying",
          "givenAnUnreadableAnswerThenAMissingAdapter_itShouldWaitForAnOperatorEachTime",
          "givenNoPayment_whenGraceEnds_itShouldExpireThePackageAfterEveryNotice",
          "givenProviderRetries_itShouldNeverChargeOnTopOfThem",
          "givenQuietHours_whenAStepFallsAtNight_itShouldSendInTheMorningOfTheCustomer",
          "givenRefusedCredentials_itShouldWaitForThemInsteadOfFailingTheDunning",
          "givenRepeatedAndStaleFailureEvents_itShouldRecordEachNewAttemptOnce",
          "givenRetryNow_itShouldChargeAtOnceAndRecoverWhenItPays",
          "givenTheProviderReportsPaidBeforeAStep_itShouldRecoverWithoutNotifying",
          "givenTheStateQuery_itShouldTellTheNextStepAndTheLog");

  /** Recorded since, by {@link HistoryRecorder}: one file per run of a continued dunning. */
  private static final List<String> FEWER_ACTIONS =
      List.of(
          "fewer-actions-givenAFloodOfSignals_itShouldContinueAsNewAndFinishTheScheduleOnce-run-1",
          "fewer-actions-givenAFloodOfSignals_itShouldContinueAsNewAndFinishTheScheduleOnce-run-2",
          "fewer-actions-givenAHardDecline_itShouldStopRetryingUntilThePaymentMethodChanges",
          "fewer-actions-givenAMarkedPaidDunningThatHasYetToClose_whenAskedToCancel_itShouldRefuseAsEnded",
          "fewer-actions-givenAPauseDuringTheQuietHours_itShouldSendNothingUntilResumed",
          "fewer-actions-givenAPauseWithAnEnd_whenItEnds_itShouldResumeByItself",
          "fewer-actions-givenAPause_whenResumed_itShouldKeepTheTimeThatWasLeftToTheNextStep",
          "fewer-actions-givenAPausedDunning_whenItsInvoiceIsVoidedAndTheSweepAsks_itShouldEndCancelled",
          "fewer-actions-givenAPausedDunning_whenRetriedNow_itShouldAnswerAtOnceAndChargeOnlyOnceResumed",
          "fewer-actions-givenARunningDunning_whenCancelled_itShouldEndCancelledWithWhoAndWhy",
          "fewer-actions-givenARunningDunning_whenMarkedPaidOnDayFour_itShouldRecoverAndSendNothingMore",
          "fewer-actions-givenAnAuthenticationRequirement_itShouldSendItsOwnNoticeOncePerAttempt",
          "fewer-actions-givenAnExpiredPackage_whenAskedToCancel_itShouldRefuseButStillTakeAPayment",
          "fewer-actions-givenAnExpiredPackage_whenPaidLate_itShouldRestoreThePackage",
          "fewer-actions-givenAnInvoiceAlreadyVoid_whenTheDunningOpens_itShouldEndCancelledAndSilent",
          "fewer-actions-givenAnInvoicePaidAtTheProvider_whenTheSweepAsks_itShouldRecoverAtOnceAndSendNothingMore",
          "fewer-actions-givenAnInvoiceStillOpen_whenTheSweepAsks_itShouldKeepItsSchedule",
          "fewer-actions-givenAnInvoiceTheProviderDoesNotKnow_itShouldEndCancelledWithoutNotifying",
          "fewer-actions-givenAnUnreadableAnswerThenAMissingAdapter_itShouldWaitForAnOperatorEachTime",
          "fewer-actions-givenNoPayment_whenGraceEnds_itShouldExpireThePackageAfterEveryNotice",
          "fewer-actions-givenProviderRetries_itShouldNeverChargeOnTopOfThem",
          "fewer-actions-givenQuietHours_whenAStepFallsAtNight_itShouldSendInTheMorningOfTheCustomer",
          "fewer-actions-givenRefusedCredentials_itShouldWaitForThemInsteadOfFailingTheDunning",
          "fewer-actions-givenRepeatedAndStaleFailureEvents_itShouldRecordEachNewAttemptOnce",
          "fewer-actions-givenRetryNow_itShouldChargeAtOnceAndRecoverWhenItPays",
          "fewer-actions-givenTheProviderReportsPaidBeforeAStep_itShouldRecoverWithoutNotifying",
          "fewer-actions-givenTheStateQuery_itShouldTellTheNextStepAndTheLog");

  /**
   * Recorded since {@link DunningWorkflowImpl#CUSTOMER_CONVERSATION}, by dunnings opened with the
   * switch on: they ask the customer's coordinator before their notices.
   */
  private static final List<String> CUSTOMER_CONVERSATION =
      List.of(
          "customer-conversation-givenADeferredNotice_whenItsDunningIsPaidWhileWaiting_itShouldSendNothing",
          "customer-conversation-givenTwoDunningsOfOneCustomer_whenBothFirstEmailsFallOnOneDay_itShouldSendTheSecondNextDay");

  /**
   * Recorded since version 2 of {@link DunningWorkflowImpl#CUSTOMER_CONVERSATION}: the coordinator
   * sends the dunnings' reminders.
   */
  private static final List<String> COORDINATOR_SENDS =
      List.of(
          "coordinator-sends-givenANoticeTheCapsDefer_itShouldBeSentLaterWithoutMovingTheDunningsCharges",
          "coordinator-sends-givenTwoDunningsOfOneCustomerFailingWithinAnHour_itShouldSendEachStepAsOneMessage");

  private static final String FLOOD =
      "fewer-actions-givenAFloodOfSignals_itShouldContinueAsNewAndFinishTheScheduleOnce";

  static Stream<String> histories() {
    return Stream.of(BEFORE_FEWER_ACTIONS, FEWER_ACTIONS, CUSTOMER_CONVERSATION, COORDINATOR_SENDS)
        .flatMap(List::stream);
  }

  @Test
  void givenTheRecordedHistories_itShouldHoldExactlyTheListedOnes() throws IOException {
    assertThat(HistoryRecorder.recorded(HistoryRecorder.DUNNINGS))
        .containsExactlyInAnyOrderElementsOf(histories().toList());
  }

  @ParameterizedTest
  @MethodSource("histories")
  void givenARecordedHistory_whenReplayedUnderTheCurrentCode_itShouldReplayWithoutNonDeterminism(
      String history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(read(history), DunningWorkflowImpl.class);
  }

  /** The log's words in recorded payloads ("title":"PAYMENT FAILED") still read as the enums. */
  @Test
  void givenTheStatesRecordedByUpdates_theirLogsShouldReadAsTheEnums() throws IOException {
    List<LogEntry> read = new ArrayList<>();
    for (String history : histories().toList()) {
      for (HistoryEvent event : read(history).getEvents()) {
        if (event.hasWorkflowExecutionUpdateCompletedEventAttributes()) {
          Payload state =
              event
                  .getWorkflowExecutionUpdateCompletedEventAttributes()
                  .getOutcome()
                  .getSuccess()
                  .getPayloads(0);
          read.addAll(
              DefaultDataConverter.STANDARD_INSTANCE
                  .fromPayload(state, DunningState.class, DunningState.class)
                  .log());
        }
      }
    }

    assertThat(read)
        .extracting(LogEntry::title)
        .contains(LogTitle.PAYMENT_FAILED, LogTitle.EMAIL_SENT);
    assertThat(read).extracting(LogEntry::status).doesNotContainNull();
  }

  @Test
  void givenTheFloodOfSignals_itsFirstRunShouldHoldTheSignalsAndTheContinueAsNew()
      throws IOException {
    WorkflowExecutionHistory continued = read(FLOOD + "-run-1");

    assertThat(continued.getEvents())
        .filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
        .hasSizeGreaterThan(1000);
    assertThat(continued.getLastEvent().getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
  }

  /** The dunnings that ask the coordinator took the version marker once, before their notices. */
  @Test
  void givenTheConversingDunnings_theirHistoriesShouldHoldTheVersionMarker() throws IOException {
    for (String history : CUSTOMER_CONVERSATION) {
      assertThat(read(history).getEvents())
          .filteredOn(HistoryEvent::hasMarkerRecordedEventAttributes)
          .filteredOn(
              e ->
                  e.getMarkerRecordedEventAttributes()
                      .getDetailsMap()
                      .getOrDefault("changeId", Payloads.getDefaultInstance())
                      .toString()
                      .contains(DunningWorkflowImpl.CUSTOMER_CONVERSATION))
          .hasSize(1);
    }
    for (String history : histories().filter(h -> !CUSTOMER_CONVERSATION.contains(h)).toList()) {
      assertThat(read(history).toJson(false))
          .doesNotContain(DunningWorkflowImpl.CUSTOMER_CONVERSATION);
    }
  }

  @Test
  void givenAnIncompatibleChange_whenAHistoryIsReplayed_itShouldFailWithNonDeterminism()
      throws Exception {
    WorkflowExecutionHistory history =
        read("givenNoPayment_whenGraceEnds_itShouldExpireThePackageAfterEveryNotice");

    assertThatThrownBy(
            () -> WorkflowReplayer.replayWorkflowExecution(history, ReorderedDunningWorkflow.class))
        // The replayer reports the NonDeterministicException inside its failure's message.
        .hasMessageContaining(NonDeterministicException.class.getName())
        .hasMessageContaining("TMPRL1100");
  }

  private static WorkflowExecutionHistory read(String history) throws IOException {
    return WorkflowExecutionHistory.fromJson(
        Files.readString(HistoryRecorder.DUNNINGS.resolve(history + ".json")));
  }
}
