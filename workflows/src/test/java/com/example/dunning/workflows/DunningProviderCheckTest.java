package com.example.dunning.workflows;

import static com.example.dunning.workflows.DunningFixtures.DUNNING_ID;
import static com.example.dunning.workflows.DunningFixtures.payment;
import static com.example.dunning.workflows.DunningFixtures.request;
import static com.example.dunning.workflows.testing.MockActivities.mockActivities;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.NotificationActivities.Delivery;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.activities.PackageActivities;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.dunning.CheckProvider;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningSearchAttributes;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.DunningWorkflowImpl;
import com.example.dunning.workflows.dunning.PauseDunning;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.policy.NoticeKind;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code checkProvider} signal the reconciliation sweep sends: the dunning asks the provider at
 * once and ends by the rules it applies before every step.
 */
class DunningProviderCheckTest {

  private static final CheckProvider PAID_AT_STRIPE =
      new CheckProvider("reconciliation", "invoice paid at stripe");

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final PaymentActivities payments = mockActivities(PaymentActivities.class);
  private final NotificationActivities notifications = mockActivities(NotificationActivities.class);
  private final PackageActivities packages = mockActivities(PackageActivities.class);
  private final DunningRecordActivities records = mockActivities(DunningRecordActivities.class);
  private final List<Notice> emails = new ArrayList<>();

  @RegisterExtension final HistoryRecorder histories = HistoryRecorder.dunning(() -> client);

  @BeforeEach
  void startTemporal() {
    env = TestWorkflowEnvironment.newInstance();
    DunningSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
    Worker worker = env.newWorker(DunningIds.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(DunningWorkflowImpl.class);
    worker.registerActivitiesImplementations(payments, notifications, packages, records);
    client = env.getWorkflowClient();
    when(records.openDunning(any())).thenReturn(DunningFixtures.WORKFLOW_RETRIES);
    when(payments.fetchPayment(any())).thenReturn(payment(InvoiceStatus.OPEN));
    when(payments.retryCharge(any()))
        .thenReturn(new ChargeResult(false, "card_declined", null, false, false, "declined"));
    when(notifications.sendEmail(any()))
        .thenAnswer(
            call -> {
              emails.add(call.getArgument(0));
              return new Delivery(true, "jenny@example.com", null);
            });
    when(notifications.sendSms(any())).thenReturn(new Delivery(true, "+4746567468", null));
    env.start();
  }

  @AfterEach
  void stopTemporal() {
    env.close();
  }

  @Test
  void givenAnInvoicePaidAtTheProvider_whenTheSweepAsks_itShouldRecoverAtOnceAndSendNothingMore() {
    DunningWorkflow dunning = start();
    WorkflowClient.start(dunning::run, request());
    env.sleep(Duration.ofDays(1));
    when(payments.fetchPayment(any())).thenReturn(payment(InvoiceStatus.PAID));
    Instant signalled = now();

    dunning.checkProvider(PAID_AT_STRIPE);
    DunningResult result = resultOf(dunning);

    assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    assertThat(result.reason()).isEqualTo("invoice paid at the provider");
    assertThat(result.endedAt()).isBefore(signalled.plus(Duration.ofMinutes(1)));
    assertThat(emails).extracting(Notice::kind).containsExactly(NoticeKind.NOTICE);
    verify(payments, never()).retryCharge(any());
  }

  @Test
  void givenAnInvoiceStillOpen_whenTheSweepAsks_itShouldKeepItsSchedule() {
    DunningWorkflow dunning = start();
    WorkflowClient.start(dunning::run, request());
    env.sleep(Duration.ofDays(1));
    Instant due = dunning.state().nextStepAt();

    dunning.checkProvider(PAID_AT_STRIPE);
    env.sleep(Duration.ofHours(1));

    assertThat(dunning.state().status()).isEqualTo(DunningStatus.ACTIVE);
    assertThat(dunning.state().nextStepAt()).isEqualTo(due);
    verify(payments, times(3)).fetchPayment(any()); // opening, the first step, the check
    DunningResult result = resultOf(dunning);
    assertThat(result.outcome()).isEqualTo(DunningStatus.EXPIRED);
  }

  @Test
  void givenAPausedDunning_whenItsInvoiceIsVoidedAndTheSweepAsks_itShouldEndCancelled() {
    DunningWorkflow dunning = start();
    WorkflowClient.start(dunning::run, request());
    env.sleep(Duration.ofDays(1));
    dunning.pause(new PauseDunning(null, "carol"));
    env.sleep(Duration.ofHours(1));
    when(payments.fetchPayment(any())).thenReturn(payment(InvoiceStatus.VOID));

    dunning.checkProvider(new CheckProvider("reconciliation", "invoice void at stripe"));
    DunningResult result = resultOf(dunning);

    assertThat(result.outcome()).isEqualTo(DunningStatus.CANCELLED);
    assertThat(result.reason()).isEqualTo("invoice void at the provider");
    assertThat(
            WorkflowStub.fromTyped(dunning)
                .describe()
                .getTypedSearchAttributes()
                .get(DunningSearchAttributes.STATUS))
        .isEqualTo("CANCELLED");
    assertThat(emails).hasSize(1);
  }

  private DunningWorkflow start() {
    return client.newWorkflowStub(
        DunningWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(DUNNING_ID)
            .setTaskQueue(DunningIds.TASK_QUEUE)
            .build());
  }

  private Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  private static DunningResult resultOf(DunningWorkflow dunning) {
    return WorkflowStub.fromTyped(dunning).getResult(DunningResult.class);
  }
}
