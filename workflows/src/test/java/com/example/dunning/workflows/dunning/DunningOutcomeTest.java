package com.example.dunning.workflows.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.LogTitle;
import org.junit.jupiter.api.Test;

class DunningOutcomeTest {

  @Test
  void givenBothAPaymentAndACancellation_thePaymentShouldWin() {
    DunningOutcome outcome =
        DunningOutcome.resolvedBy(
            new MarkPaid("alice", "bank transfer"), new CancelDunning("left", "bob"));

    assertThat(outcome)
        .isEqualTo(
            new DunningOutcome(
                DunningStatus.RECOVERED, "marked paid by alice: bank transfer", LogTitle.PAID));
  }

  @Test
  void givenACancellationByNoOneNamed_itShouldSayAnOperator() {
    assertThat(DunningOutcome.resolvedBy(null, new CancelDunning(null, " ")))
        .isEqualTo(
            new DunningOutcome(
                DunningStatus.CANCELLED, "cancelled by an operator", LogTitle.CANCELLED));
  }

  @Test
  void givenTheProvidersSettledStatus_itShouldEndRecoveredOnlyWhenPaid() {
    assertThat(DunningOutcome.settledAtProvider(InvoiceStatus.PAID))
        .isEqualTo(
            new DunningOutcome(
                DunningStatus.RECOVERED, "invoice paid at the provider", LogTitle.PAID));
    assertThat(DunningOutcome.settledAtProvider(InvoiceStatus.UNCOLLECTIBLE))
        .isEqualTo(
            new DunningOutcome(
                DunningStatus.CANCELLED,
                "invoice uncollectible at the provider",
                LogTitle.CANCELLED));
  }

  @Test
  void givenTheRestoreWindowPassedUnpaid_itShouldExpireWithoutAnotherLogEntry() {
    DunningOutcome outcome = DunningOutcome.notPaidAfterExpiry();

    assertThat(outcome.status()).isEqualTo(DunningStatus.EXPIRED);
    assertThat(outcome.title()).isNull();
  }

  @Test
  void givenALatePayment_itShouldSayWhoAndThatThePackageCameBack() {
    assertThat(DunningOutcome.paidAfterExpiry(new MarkPaid(null, null)).reason())
        .isEqualTo("paid after expiry (an operator); package restored");
  }
}
