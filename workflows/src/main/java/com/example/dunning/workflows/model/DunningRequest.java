package com.example.dunning.workflows.model;

import java.time.Instant;

/**
 * What the intake knows of a failed invoice when it starts the dunning. The workflow refreshes the
 * rest from the provider before every step.
 *
 * @param provider the billing provider, e.g. {@code stripe}
 * @param failedAt when the provider reported the failure (the event's creation time)
 */
public record DunningRequest(
    String provider,
    String invoiceId,
    String customerId,
    String customerEmail,
    long amountDue,
    String currency,
    int attemptCount,
    Instant failedAt) {}
