package com.example.dunning.api.dunnings;

import com.example.dunning.workflows.model.DunningStatus;
import java.time.Instant;

/**
 * A dunning as PostgreSQL records it (table {@code failed_invoice}).
 *
 * @param amountDue in the currency's minor unit (cents, øre)
 * @param endedAt null while the dunning runs
 * @param outcomeReason why it ended, in words; null while it runs
 */
public record DunningSummary(
    String dunningId,
    String provider,
    String invoiceId,
    String customerId,
    String customerEmail,
    long amountDue,
    String currency,
    DunningStatus status,
    int attemptCount,
    String policyVersion,
    Instant failedAt,
    Instant endedAt,
    String outcomeReason) {}
