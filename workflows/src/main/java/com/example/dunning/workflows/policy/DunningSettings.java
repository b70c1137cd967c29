package com.example.dunning.workflows.policy;

/**
 * What a dunning reads from the configuration once, when it opens.
 *
 * @param providerRetries the provider retries the charge by itself (Stripe's Smart Retries): the
 *     workflow follows its attempts and never charges on top of them
 * @param quietHours null for none
 */
public record DunningSettings(
    DunningPolicy policy, boolean providerRetries, QuietHours quietHours) {}
