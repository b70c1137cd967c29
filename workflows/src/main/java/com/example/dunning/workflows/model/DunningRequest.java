package com.example.dunning.workflows.model;

import java.time.Instant;

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
}
