package com.example.dunning.notices;

import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.IntakeDetails;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** Failed invoices as the notices' tests need them. */
final class TestPayments {

  /** A link as long as a typical short payment link (40 characters). */
  static final String PAY_URL = "https://pay.example.com/i/in_1MtHbELkdIw";

  static final Brand BRAND =
      new Brand(
          "Example Music",
          "Example Music billing",
          "support@example.com",
          "+47 21 00 00 00",
          "https://cdn.example.com/logo.png",
          "#0f766e",
          "Example Music AS",
          "Storgata 1, 0155 Oslo");

  private TestPayments() {}

  static NoticeRenderer renderer() {
    return new NoticeRenderer(BRAND, "en", ZoneId.of("UTC"));
  }

  /**
   * @param locale the metadata's locale, or null
   * @param nextAttempt when the provider charges again, or null
   */
  static PaymentDetails payment(
      long amountDue, String currency, String locale, String timeZone, Instant nextAttempt) {
    Map<String, String> metadata = new HashMap<>();
    if (locale != null) {
      metadata.put(IntakeDetails.LOCALE, locale);
    }
    return new PaymentDetails(
        "stripe",
        "in_1",
        InvoiceStatus.OPEN,
        amountDue,
        currency,
        1,
        nextAttempt,
        PAY_URL,
        new Customer("cus_1", "Ada Lovelace", "ada@example.com", "+4712345678", timeZone),
        "sub_1",
        "plan_pro",
        "Pro Artist",
        "pi_1",
        "pm_1",
        "card_declined",
        "insufficient_funds",
        false,
        Map.copyOf(metadata));
  }

  /** The same payment as a provider that names no package and gives no link reports it. */
  static PaymentDetails withoutPackageOrLink(PaymentDetails payment) {
    return new PaymentDetails(
        payment.provider(),
        payment.invoiceId(),
        payment.status(),
        payment.amountDue(),
        payment.currency(),
        payment.attemptCount(),
        payment.nextPaymentAttempt(),
        null,
        payment.customer(),
        payment.subscriptionId(),
        payment.planId(),
        null,
        payment.paymentIntentId(),
        payment.paymentMethodId(),
        payment.failureCode(),
        payment.declineCode(),
        payment.requiresAuthentication(),
        payment.metadata());
  }
}
