package com.example.dunning.api.events;

import java.time.Instant;

/**
 * One event's delivery to one endpoint, as {@code GET /api/v1/events} answers it.
 *
 * @param state {@code PENDING}, {@code DELIVERED} or {@code FAILED}
 * @param lastStatus the endpoint's last HTTP status; null when it never answered
 */
public record EventDeliveryView(
    String endpoint,
    String state,
    int attempts,
    Integer lastStatus,
    String lastError,
    Instant nextTryAt,
    Instant deliveredAt,
    Instant failedAt) {}
