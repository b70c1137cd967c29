package com.example.dunning.activities.reconciliation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reconciliation sweep.
 *
 * @param enabled whether the worker starts the reconciliation workflow at start-up
 * @param every the time from one sweep to the next
 * @param lookback invoices created longer ago are not listed
 * @param concurrency how many invoices of a batch are asked about at the provider at once
 */
@ConfigurationProperties("dunning.reconcile")
public record ReconciliationProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("PT15M") Duration every,
    @DefaultValue("P35D") Duration lookback,
    @DefaultValue("4") int concurrency) {}
