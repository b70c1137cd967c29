package com.example.dunning.workflows.model;

import static com.example.dunning.workflows.DunningFixtures.payment;
import static com.example.dunning.workflows.DunningFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the intake was told fills only what the provider's answer leaves out. */
class DunningRequestTest {

  private static final IntakeDetails TOLD =
      new IntakeDetails(
          "+4712345678", "Europe/Oslo", "nb-NO", "Told Package", Map.of("user_id", "7"));

  @Test
  void givenAnAnswerWithoutContactOrPackage_itShouldTakeThemFromTheIntake() {
    PaymentDetails bare = withoutContact(payment(InvoiceStatus.OPEN));

    PaymentDetails filled = request().withIntake(TOLD).filledIn(bare);

    assertThat(filled.customer())
        .isEqualTo(
            new Customer(
                "cus_QXg1o8vcGmoR32", null, "jenny@example.com", "+4712345678", "Europe/Oslo"));
    assertThat(filled.packageName()).isEqualTo("Told Package");
    assertThat(filled.metadata())
        .containsExactlyInAnyOrderEntriesOf(Map.of("user_id", "7", "locale", "nb-NO"));
  }

  @Test
  void givenAnAnswerWithItsOwnValues_theProvidersValuesShouldWin() {
    PaymentDetails answer = payment(InvoiceStatus.OPEN, "America/New_York");

    PaymentDetails filled = request().withIntake(TOLD).filledIn(answer);

    assertThat(filled.customer()).isEqualTo(answer.customer());
    assertThat(filled.packageName()).isEqualTo("Artist Pro");
  }

  @Test
  void givenNoIntake_aCompleteAnswerShouldStayAsItIs() {
    PaymentDetails answer = payment(InvoiceStatus.OPEN, "Europe/Oslo");

    assertThat(request().filledIn(answer)).isEqualTo(answer);
  }

  private static PaymentDetails withoutContact(PaymentDetails p) {
    return new PaymentDetails(
        p.provider(),
        p.invoiceId(),
        p.status(),
        p.amountDue(),
        p.currency(),
        p.attemptCount(),
        p.nextPaymentAttempt(),
        p.payUrl(),
        null,
        p.subscriptionId(),
        p.planId(),
        null,
        p.paymentIntentId(),
        p.paymentMethodId(),
        p.failureCode(),
        p.declineCode(),
        p.requiresAuthentication(),
        null);
  }
}
