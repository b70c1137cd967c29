package com.example.dunning.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.model.DunningRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StripeInvoiceTest {

  @Test
  void givenAnInvoiceWithAnEmail_whenSummarised_itShouldNameInvoiceAmountCustomerAndEmail() {
    DunningRequest request =
        new DunningRequest(
            "stripe", "in_123", "cus_9", "ann@example.com", 1000, "usd", 1, Instant.EPOCH);

    assertThat(StripeInvoice.summary(request))
        .isEqualTo("Dunning of Stripe invoice in_123: USD 10.00 owed by cus_9 (ann@example.com)");
  }

  @Test
  void givenAZeroDecimalCurrency_whenSummarised_itShouldNotDivideTheAmount() {
    DunningRequest request =
        new DunningRequest("stripe", "in_123", "cus_9", null, 1500, "jpy", 1, Instant.EPOCH);

    assertThat(StripeInvoice.summary(request))
        .isEqualTo("Dunning of Stripe invoice in_123: JPY 1500 owed by cus_9");
  }
}
