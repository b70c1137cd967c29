package com.example.dunning.activities.payment;

import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps an Elastic Path invoice's payments to the dunning's model. Paid: one of them succeeded.
 * Attempts: the payments that are not pending. The amount, currency and failure reason are the
 * latest payment's. Elastic Path's payments carry no customer contact: the intake's is kept.
 */
final class ElasticPathPaymentMapper {

  private ElasticPathPaymentMapper() {}

  /** One {@code subscription_invoice_payment}, read and checked. */
  record Payment(
      String id,
      boolean success,
      boolean pending,
      String gateway,
      String externalPaymentId,
      String failureReason,
      long amount,
      String currency,
      String subscriptionId,
      Instant createdAt) {}

  static Payment read(AnswerFields payment) {
    String id = payment.text("id");
    payment.text("type");
    AnswerFields attributes = payment.object("attributes");
    AnswerFields amount = attributes.object("amount");
    AnswerFields failure = attributes.optionalObject("failure_detail");
    AnswerFields meta = payment.object("meta");
    AnswerFields timestamps = meta.object("timestamps");
    meta.bool("manual_payment");
    return new Payment(
        id,
        attributes.bool("success"),
        attributes.optionalBool("pending"),
        attributes.text("gateway"),
        attributes.optionalText("external_payment_id"),
        failure == null ? null : failure.optionalText("reason"),
        amount.wholeNumber("amount"),
        amount.text("currency"),
        meta.text("subscription_id"),
        instant(timestamps, "created_at"));
  }

  static PaymentDetails toPaymentDetails(String invoiceId, List<Payment> payments) {
    List<Payment> byTime =
        payments.stream().sorted(Comparator.comparing(Payment::createdAt)).toList();
    Payment paid =
        byTime.stream().filter(p -> p.success() && !p.pending()).findFirst().orElse(null);
    Payment latest = byTime.isEmpty() ? null : byTime.get(byTime.size() - 1);
    Payment shown = paid != null ? paid : latest;
    Payment lastFailed =
        byTime.stream()
            .filter(p -> !p.success() && !p.pending())
            .reduce((first, second) -> second)
            .orElse(null);
    ElasticPathInvoiceRef ref = ElasticPathInvoiceRef.parse(invoiceId);
    return new PaymentDetails(
        ElasticPathPaymentProvider.NAME,
        invoiceId,
        paid != null ? InvoiceStatus.PAID : InvoiceStatus.OPEN,
        shown == null ? 0 : shown.amount(),
        shown == null ? null : shown.currency().toLowerCase(Locale.ROOT),
        Math.toIntExact(byTime.stream().filter(p -> !p.pending()).count()),
        null,
        null,
        new Customer(null, null, null, null, null),
        shown != null ? shown.subscriptionId() : ref.subscriptionUuid(),
        null,
        null,
        shown == null
            ? null
            : shown.externalPaymentId() != null ? shown.externalPaymentId() : shown.id(),
        null,
        paid == null && lastFailed != null ? lastFailed.failureReason() : null,
        null,
        false,
        shown == null ? Map.of() : Map.of("gateway", shown.gateway(), "payment_id", shown.id()));
  }

  private static Instant instant(AnswerFields fields, String name) {
    String text = fields.text(name);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw fields.invalid(name, "not an ISO-8601 date-time: " + text);
    }
  }
}
