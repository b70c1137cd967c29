package com.example.dunning.workflows.model;

import java.time.Instant;

/**
 * One charge of the invoice, as the provider made it.
 *
 * @param number the invoice's attempt count after this charge
 */
public record PaymentAttempt(
    int number,
    boolean success,
    String externalPaymentId,
    String failureReason,
    long amount,
    String currency,
    Instant at) {}
