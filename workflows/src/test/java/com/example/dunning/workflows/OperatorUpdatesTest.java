package com.example.dunning.workflows;

import static com.example.dunning.workflows.DunningFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.dunning.workflows.activities.PackageActivities;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.dunning.CancelDunning;
import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.MarkPaid;
import com.example.dunning.workflows.dunning.PauseDunning;
import com.example.dunning.workflows.dunning.ResumeDunning;
import com.example.dunning.workflows.dunning.RetryNow;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.DunningStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's updates, which the API uses: what they refuse and when they answer. */
class OperatorUpdatesTest {

  @RegisterExtension final DunningWorkflowExtension temporal = DunningWorkflowExtension.create();

  private final PaymentActivities payments = temporal.payments();
  private final PackageActivities packages = temporal.packages();
  private DunningWorkflow dunning;

  @BeforeEach
  void startADunning() {
    dunning = temporal.dunning();
    WorkflowClient.start(dunning::run, request());
  }

  @Test
  void givenAnExpiredPackage_whenAskedToCancel_itShouldRefuseButStillTakeAPayment() {
    temporal.sleep(Duration.ofDays(11)); // past the expiry on day 10, within the restore window
    assertThat(dunning.state().status()).isEqualTo(DunningStatus.EXPIRED);

    assertThatThrownBy(() -> dunning.cancelByOperator(new CancelDunning("left", "alice")))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure ->
                assertThat(failure.getOriginalMessage())
                    .startsWith(DunningWorkflow.REFUSED_EXPIRED + ": the package has expired"));
    DunningState paid = dunning.markPaidByOperator(new MarkPaid("alice", "late"));

    assertThat(paid.status()).isEqualTo(DunningStatus.RECOVERED);
    assertThat(paid.result().reason()).startsWith("paid after expiry (alice)");
    verify(packages).restorePackage(any());
  }

  @Test
  void givenAMarkedPaidDunningThatHasYetToClose_whenAskedToCancel_itShouldRefuseAsEnded() {
    // The charge waits for the test: mark-paid is accepted while the main method waits on it.
    CountDownLatch charging = new CountDownLatch(1);
    when(payments.retryCharge(any()))
        .thenAnswer(
            call -> {
              charging.await(30, TimeUnit.SECONDS);
              return new ChargeResult(false, "card_declined", null, false, false, null);
            });
    dunning.retryNow(new RetryNow("alice"));
    verify(payments, timeout(Duration.ofSeconds(60).toMillis())).retryCharge(any());
    dunning.markPaid(new MarkPaid("alice", null));

    assertThatThrownBy(() -> dunning.cancelByOperator(new CancelDunning("left", "bob")))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure ->
                assertThat(failure.getOriginalMessage())
                    .isEqualTo("DunningEnded: the dunning has already ended RECOVERED"));
    charging.countDown();
  }

  @Test
  void givenAPausedDunning_whenRetriedNow_itShouldAnswerAtOnceAndChargeOnlyOnceResumed() {
    assertThat(dunning.pauseByOperator(new PauseDunning(null, "alice")).status())
        .isEqualTo(DunningStatus.PAUSED);

    DunningState retried = dunning.retryNowByOperator(new RetryNow("alice"));

    assertThat(retried.status()).isEqualTo(DunningStatus.PAUSED);
    verify(payments, never()).retryCharge(any());
    assertThat(dunning.resumeByOperator(new ResumeDunning("alice")).status())
        .isEqualTo(DunningStatus.ACTIVE);
    // Skipped time passes only once the workflow has done all that the resume set off.
    temporal.sleep(Duration.ofHours(1));

    verify(payments, times(1)).retryCharge(any());
  }
}
