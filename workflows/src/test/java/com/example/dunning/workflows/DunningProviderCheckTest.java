package com.example.dunning.workflows;

import static com.example.dunning.workflows.DunningFixtures.payment;
import static com.example.dunning.workflows.DunningFixtures.request;
import static com.example.dunning.workflows.DunningWorkflowExtension.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.dunning.CheckProvider;
import com.example.dunning.workflows.dunning.DunningSearchAttributes;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.PauseDunning;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.policy.NoticeKind;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code checkProvider} signal the reconciliation sweep sends: the dunning asks the provider at
 * once and ends by the rules it applies before every step.
 */
class DunningProviderCheckTest {

  private static final CheckProvider PAID_AT_STRIPE =
      new CheckProvider("reconciliation", "invoice paid at stripe");

  @RegisterExtension final DunningWorkflowExtension temporal = DunningWorkflowExtension.create();

  private final PaymentActivities payments = temporal.payments();
  private final List<Notice> emails = temporal.emails();

  @Test
  void givenAnInvoicePaidAtTheProvider_whenTheSweepAsks_itShouldRecoverAtOnceAndSendNothingMore() {
    DunningWorkflow dunning = start();
    WorkflowClient.start(dunning::run, request());
    temporal.sleep(Duration.ofDays(1));
    when(payments.fetchPayment(any())).thenReturn(payment(InvoiceStatus.PAID));
    Instant signalled = temporal.now();

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
    temporal.sleep(Duration.ofDays(1));
    Instant due = dunning.state().nextStepAt();

    dunning.checkProvider(PAID_AT_STRIPE);
    temporal.sleep(Duration.ofHours(1));

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
    temporal.sleep(Duration.ofDays(1));
    dunning.pause(new PauseDunning(null, "carol"));
    temporal.sleep(Duration.ofHours(1));
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
    return temporal.dunning();
  }
}
