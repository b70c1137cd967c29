package com.example.dunning.workflows.dunning;

import java.time.Instant;

/**
 * A failed charge reported by the provider for an invoice already in dunning. Repeated deliveries
 * (same or lower {@code attemptCount}) change nothing.
 *
 * @param nextPaymentAttempt when the provider retries next; null when it has given up
 */
public record PaymentFailed(
    int attemptCount,
    Instant nextPaymentAttempt,
    String failureCode,
    String declineCode,
    Instant at) {}
