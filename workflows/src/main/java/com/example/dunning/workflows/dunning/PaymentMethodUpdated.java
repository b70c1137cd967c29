package com.example.dunning.workflows.dunning;

/** The customer has a new payment method: retries blocked by a hard decline may go on. */
public record PaymentMethodUpdated(String paymentMethodId, String by) {}
