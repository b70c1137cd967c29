package com.example.dunning.workflows.model;

/**
 * The outcome of one retried charge.
 *
 * @param hardDecline the card will not work again until the customer changes it (lost, stolen,
 *     closed account…): no more retries until the payment method changes
 */
public record ChargeResult(
    boolean paid,
    String failureCode,
    String declineCode,
    boolean hardDecline,
    boolean requiresAuthentication,
    String message) {}
