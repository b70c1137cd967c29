package com.example.dunning.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.conversation.CustomerConversationWorkflowImpl;
import io.temporal.api.enums.v1.EventType;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the recorded histories of the customer's coordinator under the current code; a history
 * lost or renamed fails too. Record them with {@code ./mvnw -pl workflows test
 * -Dtest='CustomerConversationWorkflowTest,CoordinatorMessagesTest'
 * -Ddunning.recordHistories=true}, keeping the old ones under other names, and list what it wrote
 * here.
 */
class ConversationReplayTest {

  /** One file per run where the coordinator continued as new. */
  private static final List<String> HISTORIES =
      List.of(
          "givenACapEndingAtNight_itShouldDeferTheNoticeToTheMorningOfTheCustomer",
          "givenACustomerActionDeliveredTwice_itShouldActOnceAndAnswerTheSameDunnings",
          "givenAnEndedCoordinator_whenTheCustomerActs_itShouldStartAgainAndAct",
          "givenAQuietCustomer_itShouldEndAfterTheLongestWindowAndStartAgainOnTheNextNotice",
          "givenAStormOfNotices_itShouldHoldEveryCapAndDeferEachNoticeBeyondThemWithoutDroppingAny",
          "givenManyNotices_itShouldContinueAsNewAndCarryWhatItReserved-run-1",
          "givenManyNotices_itShouldContinueAsNewAndCarryWhatItReserved-run-2",
          "givenManyNotices_itShouldContinueAsNewAndCarryWhatItReserved-run-3",
          "givenTheActionSignalledTwiceAndOnceWithoutItsKind_itShouldActOnceAndIgnoreTheBadOne",
          "givenTheSameNoticeAskedTwice_itShouldAnswerTheSameMomentAndLogItOnce",
          "givenTwoDunningsAskingForAnEmailTheSameDay_itShouldDeferTheSecondAndLogTheCap",
          // CoordinatorMessagesTest: the coordinator sending merged messages.
          "givenAGatheringMessage_whenTheCoordinatorContinuesAsNew_itShouldCarryItAndSendItOnce-run-1",
          "givenAGatheringMessage_whenTheCoordinatorContinuesAsNew_itShouldCarryItAndSendItOnce-run-2",
          "givenAMessageThatListedAnInvoice_itShouldCountItsNoticeAsToldUnlessItsWordsAreStronger",
          "givenASendThatFailsOnce_itShouldRetryUnderTheSameKeyAndMarkTheMessageSentOnce",
          "givenRulesOnARequest_itShouldHoldAndCapByThemFromThatNoticeOn",
          "givenAStormOfFiftyInvoicesDeliveredTwice_itShouldSendOneMessagePerChannelCarryingEach",
          "givenThreeInvoicesFailingWithinAnHour_itShouldSendOneFirstNoticeListingThree");

  static Stream<String> histories() {
    return HISTORIES.stream();
  }

  @Test
  void givenTheRecordedHistories_itShouldHoldExactlyTheListedOnes() throws IOException {
    assertThat(HistoryRecorder.recorded(HistoryRecorder.CONVERSATIONS))
        .containsExactlyInAnyOrderElementsOf(HISTORIES);
  }

  @ParameterizedTest
  @MethodSource("histories")
  void givenARecordedHistory_whenReplayedUnderTheCurrentCode_itShouldReplayWithoutNonDeterminism(
      String history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(read(history), CustomerConversationWorkflowImpl.class);
  }

  @Test
  void givenManyNotices_eachRunButTheLastShouldEndInAContinueAsNew() throws IOException {
    String many = "givenManyNotices_itShouldContinueAsNewAndCarryWhatItReserved-run-";
    for (int run = 1; run <= 2; run++) {
      assertThat(read(many + run).getLastEvent().getEventType())
          .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    }
  }

  private static WorkflowExecutionHistory read(String history) throws IOException {
    return WorkflowExecutionHistory.fromJson(
        Files.readString(HistoryRecorder.CONVERSATIONS.resolve(history + ".json")));
  }
}
