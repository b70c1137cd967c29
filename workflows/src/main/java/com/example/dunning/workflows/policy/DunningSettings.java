package com.example.dunning.workflows.policy;

/**
 * What a dunning reads from the configuration once, when it opens.
 *
 * @param providerRetries the provider retries the charge by itself (Stripe's Smart Retries): the
 *     workflow follows its attempts and never charges on top of them
 * @param quietHours null for none
 * @param customerConversation the dunning asks the customer's coordinator before each step's notice
 *     (docs/conversation.md); absent, and so false, in the settings of dunnings opened before,
 *     which keep sending on their own
 */
public record DunningSettings(
    DunningPolicy policy,
    boolean providerRetries,
    QuietHours quietHours,
    boolean customerConversation) {}
