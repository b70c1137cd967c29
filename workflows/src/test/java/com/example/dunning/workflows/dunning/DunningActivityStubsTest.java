package com.example.dunning.workflows.dunning;

import static com.example.dunning.workflows.DunningFixtures.payment;
import static com.example.dunning.workflows.testing.MockActivities.mockActivities;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.dunning.workflows.DunningFixtures;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.activities.PaymentActivities.PaymentRef;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an outage does to a dunning's local activities: it delays them, it never fails them. */
class DunningActivityStubsTest {

  private static final List<LocalActivityOptions> LOCAL =
      List.of(
          DunningActivityStubs.local(DunningActivityStubs.PROVIDER),
          DunningActivityStubs.local(DunningActivityStubs.NOTIFICATION),
          DunningActivityStubs.local(DunningActivityStubs.RECORD));

  @Test
  void localActivitiesHaveNoScheduleToCloseTimeoutForTheSdkToKeepATaskOfEachUntilItFires() {
    assertThat(LOCAL)
        .allSatisfy(options -> assertThat(options.getScheduleToCloseTimeout()).isNull());
  }

  @Test
  void localActivitiesRetryForLongerThanAnyDunningLastsYetABoundedNumberOfTimes() {
    Duration tenYears = Duration.ofDays(10 * 365);
    assertThat(LOCAL)
        .allSatisfy(
            options -> {
              int attempts = options.getRetryOptions().getMaximumAttempts();
              Duration apart = options.getRetryOptions().getMaximumInterval();
              // 0 would be unlimited, which without a schedule-to-close timeout means no retry.
              assertThat(attempts).isPositive();
              assertThat(apart).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));
              assertThat(apart.multipliedBy(attempts)).isGreaterThan(tenYears);
            });
  }

  @Test
  void localActivitiesGiveUpOnAHungCallWithinAMinuteAndTryAgain() {
    assertThat(LOCAL)
        .allSatisfy(
            options ->
                assertThat(options.getStartToCloseTimeout())
                    .isPositive()
                    .isLessThanOrEqualTo(Duration.ofMinutes(1)));
  }

  @Test
  void givenAProviderThatFailsOnce_theLocalActivityShouldBeRetriedAndTheWorkflowGoOn() {
    PaymentActivities payments = mockActivities(PaymentActivities.class);
    when(payments.fetchPayment(any()))
        .thenThrow(ApplicationFailure.newFailure("503 from the provider", "ProviderUnavailable"))
        .thenReturn(payment(InvoiceStatus.OPEN));
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker(DunningIds.TASK_QUEUE);
      worker.registerWorkflowImplementationTypes(AsksTheProvider.class);
      worker.registerActivitiesImplementations(payments);
      env.start();

      InvoiceStatus status =
          env.getWorkflowClient()
              .newWorkflowStub(
                  InvoiceQuestion.class,
                  WorkflowOptions.newBuilder().setTaskQueue(DunningIds.TASK_QUEUE).build())
              .ask();

      assertThat(status).isEqualTo(InvoiceStatus.OPEN);
      verify(payments, times(2)).fetchPayment(any());
    }
  }

  /** A workflow that asks the provider once, as a dunning does, with the dunning's options. */
  @WorkflowInterface
  public interface InvoiceQuestion {
    @WorkflowMethod
    InvoiceStatus ask();
  }

  public static class AsksTheProvider implements InvoiceQuestion {
    @Override
    public InvoiceStatus ask() {
      PaymentDetails payment =
          Workflow.newLocalActivityStub(
                  PaymentActivities.class,
                  DunningActivityStubs.local(DunningActivityStubs.PROVIDER))
              .fetchPayment(new PaymentRef("stripe", DunningFixtures.INVOICE));
      return payment.status();
    }
  }
}
