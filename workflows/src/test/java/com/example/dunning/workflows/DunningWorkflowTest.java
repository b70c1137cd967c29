package com.example.dunning.workflows;

import static com.example.dunning.workflows.DunningFixtures.DUNNING_ID;
import static com.example.dunning.workflows.DunningFixtures.payment;
import static com.example.dunning.workflows.DunningFixtures.request;
import static com.example.dunning.workflows.DunningWorkflowExtension.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.activities.DunningRecordActivities.CloseDunning;
import com.example.dunning.workflows.activities.FailureTypes;
import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.activities.PackageActivities;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.dunning.CancelDunning;
import com.example.dunning.workflows.dunning.DunningSearchAttributes;
import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.MarkPaid;
import com.example.dunning.workflows.dunning.PauseDunning;
import com.example.dunning.workflows.dunning.PaymentFailed;
import com.example.dunning.workflows.dunning.PaymentMethodUpdated;
import com.example.dunning.workflows.dunning.ResumeDunning;
import com.example.dunning.workflows.dunning.RetryNow;
import com.example.dunning.workflows.model.AuthenticationRequired;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.policy.NoticeKind;
import com.example.dunning.workflows.policy.QuietHours;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** The dunning workflow with mocked activities and skipped time: a 40-day dunning in a second. */
class DunningWorkflowTest {

  /** 22:30 in Oslo: a test that starts here has its first step due in the customer's night. */
  private static final Instant STARTED_AT = Instant.parse("2026-01-12T21:30:00Z");

  @RegisterExtension
  final DunningWorkflowExtension temporal = DunningWorkflowExtension.startingAt(STARTED_AT);

  private final PaymentActivities payments = temporal.payments();
  private final NotificationActivities notifications = temporal.notifications();
  private final PackageActivities packages = temporal.packages();
  private final DunningRecordActivities records = temporal.records();
  private final List<Notice> emails = temporal.emails();
  private final List<Instant> emailTimes = temporal.emailTimes();

  @Test
  void givenNoPayment_whenGraceEnds_itShouldExpireThePackageAfterEveryNotice() {
    DunningResult result = start().run(request());

    assertThat(result.outcome()).isEqualTo(DunningStatus.EXPIRED);
    assertThat(emails)
        .extracting(Notice::kind)
        .containsExactly(
            NoticeKind.NOTICE, NoticeKind.REMINDER, NoticeKind.FINAL_WARNING, NoticeKind.EXPIRED);
    assertThat(emails).extracting(Notice::key).doesNotHaveDuplicates();
    verify(payments, times(2)).retryCharge(any());
    verify(notifications, times(2)).sendSms(any());
    verify(packages).expirePackage(any());
    verify(packages, never()).restorePackage(any());
    verify(records)
        .closeDunning(argThat(close -> close.result().outcome() == DunningStatus.EXPIRED));
  }

  @Test
  void givenARunningDunning_whenMarkedPaidOnDayFour_itShouldRecoverAndSendNothingMore() {
    DunningWorkflow dunning = start();
    WorkflowClient.start(dunning::run, request());
    temporal.sleep(Duration.ofDays(4));
    dunning.markPaid(new MarkPaid("alice", "bank transfer"));

    DunningResult result = resultOf(dunning);

    assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    assertThat(result.reason()).contains("alice").contains("bank transfer");
    assertThat(emails)
        .extracting(Notice::kind)
        .containsExactly(NoticeKind.NOTICE, NoticeKind.REMINDER);
    verify(packages, never()).expirePackage(any());
  }

  @Test
  void givenTheProviderReportsPaidBeforeAStep_itShouldRecoverWithoutNotifying() {
    when(payments.fetchPayment(any()))
        .thenReturn(
            payment(InvoiceStatus.OPEN), payment(InvoiceStatus.OPEN), payment(InvoiceStatus.PAID));

    DunningResult result = start().run(request());

    assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    assertThat(result.reason()).isEqualTo("invoice paid at the provider");
    assertThat(emails).extracting(Notice::kind).containsExactly(NoticeKind.NOTICE);
    verify(payments, never()).retryCharge(any());
  }

  @Test
  void givenAnInvoiceAlreadyVoid_whenTheDunningOpens_itShouldEndCancelledAndSilent() {
    when(payments.fetchPayment(any())).thenReturn(payment(InvoiceStatus.VOID));

    DunningResult result = start().run(request());

    assertThat(result.outcome()).isEqualTo(DunningStatus.CANCELLED);
    verify(notifications, never()).sendEmail(any());
    verify(notifications, never()).sendSms(any());
  }

  @Test
  void givenARunningDunning_whenCancelled_itShouldEndCancelledWithWhoAndWhy() {
    DunningWorkflow dunning = start();
    WorkflowClient.start(dunning::run, request());
    temporal.sleep(Duration.ofDays(1));
    dunning.cancel(new CancelDunning("customer left", "bob"));

    DunningResult result = resultOf(dunning);

    assertThat(result.outcome()).isEqualTo(DunningStatus.CANCELLED);
    assertThat(result.reason()).isEqualTo("cancelled by bob: customer left");
    verify(payments, never()).retryCharge(any());
  }

  @Test
  void givenAPause_whenResumed_itShouldKeepTheTimeThatWasLeftToTheNextStep() {
    DunningWorkflow dunning = start();
    WorkflowClient.start(dunning::run, request());
    temporal.sleep(Duration.ofDays(1));
    dunning.pause(new PauseDunning(null, "carol"));
    temporal.sleep(Duration.ofDays(20));

    DunningState paused = dunning.state();
    assertThat(paused.status()).isEqualTo(DunningStatus.PAUSED);
    assertThat(emails).hasSize(1);

    dunning.resume(new ResumeDunning("carol"));
    temporal.sleep(Duration.ofHours(1));
    DunningState resumed = dunning.state();
    assertThat(resumed.status()).isEqualTo(DunningStatus.ACTIVE);
    assertThat(resumed.nextStep()).isEqualTo("retry-1");
    Instant now = temporal.now();
    assertThat(Duration.between(now, resumed.nextStepAt()))
        .isBetween(Duration.ofHours(46), Duration.ofHours(48));
    assertThat(resumed.log())
        .extracting(LogEntry::title)
        .contains(LogTitle.PAUSED, LogTitle.RESUMED);
  }

  @Test
  void givenAPauseWithAnEnd_whenItEnds_itShouldResumeByItself() {
    DunningWorkflow dunning = start();
    WorkflowClient.start(dunning::run, request());
    temporal.sleep(Duration.ofDays(1));
    Instant until = temporal.now().plus(Duration.ofDays(5));
    dunning.pause(new PauseDunning(until, "carol"));

    DunningResult result = resultOf(dunning);

    assertThat(result.outcome()).isEqualTo(DunningStatus.EXPIRED);
    assertThat(emailTimes.get(1)).isAfter(until);
    verify(records, atLeastOnce())
        .recordEvent(argThat(event -> event.entry().title() == LogTitle.RESUMED));
  }

  @Test
  void givenRepeatedAndStaleFailureEvents_itShouldRecordEachNewAttemptOnce() {
    DunningWorkflow dunning = start();
    WorkflowClient.start(dunning::run, request());
    PaymentFailed second = new PaymentFailed(2, null, "card_declined", "insufficient_funds", null);
    dunning.paymentFailed(second);
    dunning.paymentFailed(second);
    dunning.paymentFailed(new PaymentFailed(1, null, "card_declined", "insufficient_funds", null));
    temporal.sleep(Duration.ofHours(1));
    dunning.markPaid(new MarkPaid("stripe", null));
    try {
      dunning.markPaid(new MarkPaid("stripe", null));
    } catch (WorkflowNotFoundException endedByTheFirst) {
      // The first markPaid may close the dunning before the second arrives: refused, as it should.
    }

    DunningResult result = resultOf(dunning);

    assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    assertThat(result.attempts()).isEqualTo(2);
    verify(records, times(1))
        .recordEvent(
            argThat(
                (DunningEvent event) -> event.attempt() != null && event.attempt().number() == 2));
    // A local activity runs again when the server refuses the workflow task that ends the run
    // because a signal came in meanwhile: the record is keyed by the dunning, so it closes once.
    ArgumentCaptor<CloseDunning> closes = ArgumentCaptor.forClass(CloseDunning.class);
    verify(records, atLeastOnce()).closeDunning(closes.capture());
    assertThat(closes.getAllValues())
        .extracting(close -> close.dunningId() + " " + close.result().outcome())
        .containsOnly(DUNNING_ID + " RECOVERED");
  }

  @Test
  void givenAHardDecline_itShouldStopRetryingUntilThePaymentMethodChanges() {
    when(payments.retryCharge(any())).thenReturn(declined("stolen_card", true), paid());
    DunningWorkflow dunning = start();
    WorkflowClient.start(dunning::run, request());
    temporal.sleep(Duration.ofDays(9));

    verify(payments, times(1)).retryCharge(any());
    assertThat(dunning.state().retriesBlocked()).isTrue();

    dunning.paymentMethodUpdated(new PaymentMethodUpdated("pm_new", "customer"));
    DunningResult result = resultOf(dunning);

    assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    verify(payments, times(2)).retryCharge(any());
    assertThat(emails).extracting(Notice::kind).last().isEqualTo(NoticeKind.RECOVERED);
  }

  @Test
  void givenRetryNow_itShouldChargeAtOnceAndRecoverWhenItPays() {
    when(payments.retryCharge(any())).thenReturn(paid());
    DunningWorkflow dunning = start();
    Instant started = temporal.now();
    WorkflowClient.start(dunning::run, request());
    temporal.sleep(Duration.ofHours(2));
    dunning.retryNow(new RetryNow("dave"));

    DunningResult result = resultOf(dunning);

    assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    assertThat(result.reason()).contains("dave");
    assertThat(Duration.between(started, result.endedAt())).isLessThan(Duration.ofDays(1));
  }

  @Test
  void givenProviderRetries_itShouldNeverChargeOnTopOfThem() {
    when(records.openDunning(any())).thenReturn(DunningFixtures.PROVIDER_RETRIES);

    DunningResult result = start().run(request());

    assertThat(result.outcome()).isEqualTo(DunningStatus.EXPIRED);
    verify(payments, never()).retryCharge(any());
  }

  @Test
  void givenQuietHours_whenAStepFallsAtNight_itShouldSendInTheMorningOfTheCustomer() {
    ZoneId oslo = ZoneId.of("Europe/Oslo");
    when(records.openDunning(any()))
        .thenReturn(
            DunningFixtures.withQuietHours(
                new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))));
    when(payments.fetchPayment(any())).thenReturn(payment(InvoiceStatus.OPEN, "Europe/Oslo"));
    Instant morning = ZonedDateTime.of(2026, 1, 13, 8, 0, 0, 0, oslo).toInstant();

    DunningWorkflow dunning = start();
    dunning.run(request());

    // The notice is due at once, at 22:30 in Oslo, and waits for the end of the night.
    assertThat(STARTED_AT.atZone(oslo).toLocalTime()).isEqualTo(LocalTime.of(22, 30));
    assertThat(emails).extracting(Notice::kind).first().isEqualTo(NoticeKind.NOTICE);
    assertThat(emailTimes.get(0)).isBetween(morning, morning.plus(Duration.ofMinutes(1)));
    assertThat(dunning.state().log())
        .filteredOn(entry -> entry.title() == LogTitle.EMAIL_SENT)
        .first()
        .extracting(LogEntry::at)
        .satisfies(at -> assertThat(at).isBetween(morning, morning.plus(Duration.ofMinutes(1))));
    for (Instant sent : emailTimes) {
      LocalTime local = sent.atZone(oslo).toLocalTime();
      assertThat(local).isBetween(LocalTime.of(8, 0), LocalTime.of(21, 0));
    }
  }

  @Test
  void givenAPauseDuringTheQuietHours_itShouldSendNothingUntilResumed() {
    LocalTime now = temporal.now().atZone(ZoneId.of("UTC")).toLocalTime();
    QuietHours quietFromNowOn = new QuietHours(now.minusHours(1), now.plusHours(5));
    when(records.openDunning(any())).thenReturn(DunningFixtures.withQuietHours(quietFromNowOn));
    when(payments.fetchPayment(any())).thenReturn(payment(InvoiceStatus.OPEN, "UTC"));
    DunningWorkflow dunning = start();
    WorkflowClient.start(dunning::run, request());
    temporal.sleep(Duration.ofHours(1));
    dunning.pause(new PauseDunning(null, "carol"));
    temporal.sleep(Duration.ofHours(10));

    assertThat(emails).isEmpty();
    assertThat(dunning.state().status()).isEqualTo(DunningStatus.PAUSED);

    dunning.resume(new ResumeDunning("carol"));
    temporal.sleep(Duration.ofMinutes(1));
    assertThat(emails).extracting(Notice::kind).containsExactly(NoticeKind.NOTICE);
  }

  @Test
  void givenAnAuthenticationRequirement_itShouldSendItsOwnNoticeOncePerAttempt() {
    DunningWorkflow dunning = start();
    WorkflowClient.start(dunning::run, request());
    temporal.sleep(Duration.ofHours(1));
    AuthenticationRequired required =
        new AuthenticationRequired(2, "https://invoice.stripe.com/i/test", null);
    dunning.authenticationRequired(required);
    dunning.authenticationRequired(required);
    temporal.sleep(Duration.ofHours(1));
    dunning.cancel(new CancelDunning("test over", "test"));
    resultOf(dunning);

    assertThat(emails)
        .extracting(Notice::kind)
        .containsExactly(NoticeKind.NOTICE, NoticeKind.AUTHENTICATION_REQUIRED);
  }

  @Test
  void givenAnExpiredPackage_whenPaidLate_itShouldRestoreThePackage() {
    DunningWorkflow dunning = start();
    WorkflowClient.start(dunning::run, request());
    temporal.sleep(Duration.ofDays(12));
    assertThat(dunning.state().status()).isEqualTo(DunningStatus.EXPIRED);
    dunning.markPaid(new MarkPaid("stripe", null));

    DunningResult result = resultOf(dunning);

    assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    verify(packages).restorePackage(any());
  }

  @Test
  void givenAnInvoiceTheProviderDoesNotKnow_itShouldEndCancelledWithoutNotifying() {
    when(payments.fetchPayment(any()))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("No such invoice", "InvoiceNotFound"));

    DunningResult result = start().run(request());

    assertThat(result.outcome()).isEqualTo(DunningStatus.CANCELLED);
    assertThat(result.reason()).contains("not found at stripe");
    verify(notifications, never()).sendEmail(any());
  }

  @Test
  void givenRefusedCredentials_itShouldWaitForThemInsteadOfFailingTheDunning() {
    Instant started = temporal.now();
    when(payments.fetchPayment(any()))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure("401 from Stripe", "ProviderAuthentication"))
        .thenReturn(payment(InvoiceStatus.OPEN));

    DunningResult result = start().run(request());

    assertThat(result.outcome()).isEqualTo(DunningStatus.EXPIRED);
    assertThat(emailTimes.get(0)).isAfterOrEqualTo(started.plus(Duration.ofHours(1)));
  }

  @Test
  void givenAnUnreadableAnswerThenAMissingAdapter_itShouldWaitForAnOperatorEachTime() {
    Instant started = temporal.now();
    when(payments.fetchPayment(any()))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure(
                "frontpayment answered with data.details.currency missing",
                FailureTypes.MALFORMED_ANSWER))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure(
                "frontpayment is not configured", FailureTypes.PROVIDER_NOT_CONFIGURED))
        .thenReturn(payment(InvoiceStatus.OPEN));

    DunningResult result = start().run(request());

    assertThat(result.outcome()).isEqualTo(DunningStatus.EXPIRED);
    assertThat(emailTimes.get(0)).isAfterOrEqualTo(started.plus(Duration.ofHours(2)));
  }

  @Test
  void givenAFloodOfSignals_itShouldContinueAsNewAndFinishTheScheduleOnce() {
    DunningWorkflow dunning = start();
    String firstRun = WorkflowClient.start(dunning::run, request()).getRunId();
    temporal.sleep(Duration.ofHours(1));
    int pairs = 1100; // past the limit of history events, even with local activities
    for (int i = 0; i < pairs; i++) {
      dunning.pause(new PauseDunning(null, "bot"));
      dunning.resume(new ResumeDunning("bot"));
    }
    // The server refuses to continue as new while signals keep coming; it does once they stop.
    await().atMost(Duration.ofSeconds(60)).until(() -> !latestRunId().equals(firstRun));
    DunningWorkflow latest = temporal.client().newWorkflowStub(DunningWorkflow.class, DUNNING_ID);
    assertThat(latest.state().nextStep()).isEqualTo("retry-1");
    assertThat(latest.state().log()).extracting(LogEntry::title).contains(LogTitle.RESUMED);

    DunningResult result =
        temporal.client().newUntypedWorkflowStub(DUNNING_ID).getResult(DunningResult.class);

    assertThat(result.outcome()).isEqualTo(DunningStatus.EXPIRED);
    assertThat(emails)
        .extracting(Notice::kind)
        .containsExactly(
            NoticeKind.NOTICE, NoticeKind.REMINDER, NoticeKind.FINAL_WARNING, NoticeKind.EXPIRED);
    verify(payments, times(2)).retryCharge(any());
    ArgumentCaptor<DunningEvent> events = ArgumentCaptor.forClass(DunningEvent.class);
    verify(records, atLeastOnce()).recordEvent(events.capture());
    // Keys, not calls: a local activity in the task refused for signals that came in runs again.
    assertThat(events.getAllValues().stream().map(DunningEvent::key).distinct()).hasSize(2 * pairs);
    assertThat(
            temporal
                .client()
                .newUntypedWorkflowStub(DUNNING_ID)
                .describe()
                .getTypedSearchAttributes()
                .get(DunningSearchAttributes.INVOICE_ID))
        .isEqualTo(DunningFixtures.INVOICE);
    // The run that continued holds the signals and the continue-as-new its replay must reproduce.
    WorkflowExecutionHistory continuedRun =
        HistoryRecorder.runs(temporal.client(), DUNNING_ID).get(0);
    assertThat(continuedRun.getEvents())
        .filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
        .isNotEmpty();
    assertThat(continuedRun.getLastEvent().getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
  }

  @Test
  void givenTheStateQuery_itShouldTellTheNextStepAndTheLog() {
    DunningWorkflow dunning = start();
    WorkflowClient.start(dunning::run, request());
    temporal.sleep(Duration.ofHours(1));

    DunningState state = dunning.state();

    assertThat(state.dunningId()).isEqualTo(DUNNING_ID);
    assertThat(state.policyVersion()).isEqualTo("test-v1");
    assertThat(state.nextStep()).isEqualTo("retry-1");
    assertThat(state.log())
        .extracting(LogEntry::title)
        .containsExactly(LogTitle.PAYMENT_FAILED, LogTitle.EMAIL_SENT, LogTitle.SMS_SENT);
    assertThat(
            WorkflowStub.fromTyped(dunning)
                .describe()
                .getTypedSearchAttributes()
                .get(DunningSearchAttributes.STATUS))
        .isEqualTo("ACTIVE");
  }

  private DunningWorkflow start() {
    return temporal.dunning();
  }

  private String latestRunId() {
    return temporal
        .client()
        .newUntypedWorkflowStub(DUNNING_ID)
        .describe()
        .getExecution()
        .getRunId();
  }

  private static ChargeResult declined(String declineCode, boolean hard) {
    return new ChargeResult(false, "card_declined", declineCode, hard, false, "declined");
  }

  private static ChargeResult paid() {
    return new ChargeResult(true, null, null, false, false, null);
  }
}
