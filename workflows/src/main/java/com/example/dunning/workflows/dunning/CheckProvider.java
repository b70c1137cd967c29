package com.example.dunning.workflows.dunning;

/**
 * Ask the provider about the invoice now, not at the next step: sent by the reconciliation sweep
 * when the provider reports the invoice paid, void or uncollectible with no webhook for it. The
 * dunning asks itself and ends by its own rules, so a stale or mistaken signal changes nothing.
 *
 * @param by who asked, e.g. {@code reconciliation}
 * @param reason what they saw, e.g. {@code invoice paid at stripe}
 */
public record CheckProvider(String by, String reason) {}
