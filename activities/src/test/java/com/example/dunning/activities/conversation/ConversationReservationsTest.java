package com.example.dunning.activities.conversation;

import static com.example.dunning.workflows.testing.MockActivities.mockActivities;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.conversation.Channel;
import com.example.dunning.workflows.conversation.ConversationActivities.NoticeReservation;
import com.example.dunning.workflows.conversation.ConversationIds;
import com.example.dunning.workflows.conversation.CustomerConversationWorkflowImpl;
import com.example.dunning.workflows.conversation.NoticeRequest;
import com.example.dunning.workflows.conversation.NoticeSlot;
import com.example.dunning.workflows.dunning.DunningIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dunnings' asking activity against the real coordinator on Temporal's test server: the first
 * ask starts the coordinator, a repeat of a notice key gets its first answer, and another dunning's
 * email the same day is deferred by the customer's cap.
 */
class ConversationReservationsTest {

  private static final Instant MONDAY_9 = Instant.parse("2026-12-07T09:00:00Z");

  private TestWorkflowEnvironment env;
  private ConversationReservations reservations;

  @BeforeEach
  void startTemporal() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setInitialTime(MONDAY_9).build());
    Worker worker = env.newWorker(DunningIds.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(CustomerConversationWorkflowImpl.class);
    worker.registerActivitiesImplementations(mockActivities(DunningRecordActivities.class));
    env.start();
    reservations = new ConversationReservations(env.getWorkflowClient());
  }

  @AfterEach
  void stopTemporal() {
    env.close();
  }

  @Test
  void givenARepeatedAsk_itShouldGetTheFirstSlotAndAnotherDunningsEmailShouldWaitADay() {
    NoticeSlot first = reservations.reserveNotice(email("in_1"));
    env.sleep(Duration.ofHours(1));
    NoticeSlot repeated = reservations.reserveNotice(email("in_1"));
    NoticeSlot second = reservations.reserveNotice(email("in_2"));

    assertThat(first.deferredBy()).isNull();
    assertThat(repeated).isEqualTo(first);
    assertThat(second.deferredBy()).isEqualTo("1 EMAIL per 1 day");
    assertThat(second.sendAt()).isEqualTo(first.sendAt().plus(Duration.ofDays(1)));
    assertThat(
            env.getWorkflowClient()
                .newUntypedWorkflowStub(ConversationIds.workflowId("stripe", "cus_42"))
                .describe()
                .getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  private static NoticeReservation email(String invoice) {
    String dunningId = DunningIds.workflowId("stripe", invoice);
    return new NoticeReservation(
        "stripe",
        "cus_42",
        new NoticeRequest(dunningId, dunningId + ":notice:email", Channel.EMAIL, null, null));
  }
}
