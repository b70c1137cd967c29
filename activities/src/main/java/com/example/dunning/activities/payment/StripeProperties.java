package com.example.dunning.activities.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dunning reaches Stripe.
 *
 * @param apiKey the secret key, {@code sk_live_…} or {@code sk_test_…}
 * @param apiBase another base URL than {@code https://api.stripe.com}, such as a local stub of the
 *     Stripe API in tests and the dev stack; null for Stripe itself
 * @param smartRetries Stripe's Smart Retries collect the invoice on their own schedule as well
 * @param maxNetworkRetries retries by stripe-java itself, for connection errors, 409 and 5xx;
 *     Temporal's activity retries come on top
 */
@ConfigurationProperties("dunning.stripe")
public record StripeProperties(
    String apiKey,
    String apiBase,
    @DefaultValue("true") boolean smartRetries,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout,
    @DefaultValue("2") int maxNetworkRetries) {}
