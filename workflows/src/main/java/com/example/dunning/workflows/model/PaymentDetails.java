package com.example.dunning.workflows.model;

import java.time.Instant;
import java.util.Map;

/**
 * A failed invoice as the provider reports it now: the one model every provider adapter maps to.
 *
 * @param amountDue in the currency's minor unit (cents, øre)
 * @param nextPaymentAttempt when the provider will retry by itself; null when it will not (any
 *     more)
 * @param payUrl where the customer pays or updates the card (Stripe's hosted invoice page)
 * @param failureCode the provider's code for the last failure, e.g. {@code card_declined}
 * @param declineCode the issuer's decline code, e.g. {@code insufficient_funds}, {@code
 *     stolen_card}
 * @param requiresAuthentication the last attempt needs the customer's 3-D Secure confirmation
 * @param metadata the business's own keys on the customer and subscription (customer first,
 *     subscription wins): {@code user_id}, {@code package_id}, {@code artist_name}, {@code
 *     profile_url}, {@code time_zone}
 */
public record PaymentDetails(
    String provider,
    String invoiceId,
    InvoiceStatus status,
    long amountDue,
    String currency,
    int attemptCount,
    Instant nextPaymentAttempt,
    String payUrl,
    Customer customer,
    String subscriptionId,
    String planId,
    String packageName,
    String paymentIntentId,
    String paymentMethodId,
    String failureCode,
    String declineCode,
    boolean requiresAuthentication,
    Map<String, String> metadata) {}
