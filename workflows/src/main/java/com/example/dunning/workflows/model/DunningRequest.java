package com.example.dunning.workflows.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the intake knows of a failed invoice when it starts the dunning. The workflow refreshes the
 * rest from the provider before every step.
 *
 * @param provider the billing provider, e.g. {@code stripe}
 * @param failedAt when the provider reported the failure (the event's creation time)
 * @param carryOver null when a dunning starts; where it stood, when it continues as new
 * @param intake what the generic intake was told beyond the invoice; null from webhooks and sweeps
 */
public record DunningRequest(
    String provider,
    String invoiceId,
    String customerId,
    String customerEmail,
    long amountDue,
    String currency,
    int attemptCount,
    Instant failedAt,
    DunningCarryOver carryOver,
    IntakeDetails intake) {

  public DunningRequest(
      String provider,
      String invoiceId,
      String customerId,
      String customerEmail,
      long amountDue,
      String currency,
      int attemptCount,
      Instant failedAt) {
    this(
        provider,
        invoiceId,
        customerId,
        customerEmail,
        amountDue,
        currency,
        attemptCount,
        failedAt,
        null,
        null);
  }

  /** A dunning reported through the generic intake, with what it was told beyond the invoice. */
  public DunningRequest withIntake(IntakeDetails details) {
    return new DunningRequest(
        provider,
        invoiceId,
        customerId,
        customerEmail,
        amountDue,
        currency,
        attemptCount,
        failedAt,
        carryOver,
        details);
  }

  /** The same dunning, to continue from {@code where}. */
  public DunningRequest continuedFrom(DunningCarryOver where) {
    return new DunningRequest(
        provider,
        invoiceId,
        customerId,
        customerEmail,
        amountDue,
        currency,
        attemptCount,
        failedAt,
        where,
        intake);
  }

  /**
   * The provider's answer with what it leaves out filled from this request: the contact (Elastic
   * Path's payments name no customer), the package and the business's metadata keys (with the
   * intake's locale). The provider's values win.
   */
  public PaymentDetails filledIn(PaymentDetails answer) {
    IntakeDetails told =
        intake == null ? new IntakeDetails(null, null, null, null, Map.of()) : intake;
    Customer reported =
        answer.customer() == null ? new Customer(null, null, null, null, null) : answer.customer();
    Customer known =
        new Customer(
            first(reported.id(), customerId),
            reported.name(),
            first(reported.email(), customerEmail),
            first(reported.phone(), told.phone()),
            first(reported.timeZone(), told.timeZone()));
    Map<String, String> metadata =
        new TreeMap<>(told.metadata() == null ? Map.of() : told.metadata());
    if (told.locale() != null) {
      metadata.put(IntakeDetails.LOCALE, told.locale());
    }
    if (answer.metadata() != null) {
      metadata.putAll(answer.metadata());
    }
    boolean metadataSame =
        metadata.equals(answer.metadata() == null ? Map.of() : answer.metadata());
    return new PaymentDetails(
        answer.provider(),
        answer.invoiceId(),
        answer.status(),
        answer.amountDue(),
        answer.currency(),
        answer.attemptCount(),
        answer.nextPaymentAttempt(),
        answer.payUrl(),
        known.equals(reported) ? answer.customer() : known,
        answer.subscriptionId(),
        answer.planId(),
        first(answer.packageName(), told.packageName()),
        answer.paymentIntentId(),
        answer.paymentMethodId(),
        answer.failureCode(),
        answer.declineCode(),
        answer.requiresAuthentication(),
        metadataSame ? answer.metadata() : Collections.unmodifiableMap(metadata));
  }

  private static String first(String value, String otherwise) {
    return value != null ? value : otherwise;
  }
}
