package com.example.dunning.workflows.model;

import java.time.Instant;

/**
 * How a dunning ended.
 *
 * @param reason why, in words an operator can read ({@code paid at the provider}, {@code cancelled
 *     by alice: customer left})
 * @param attempts how many charge attempts the invoice had when the dunning ended
 */
public record DunningResult(DunningStatus outcome, String reason, Instant endedAt, int attempts) {}
