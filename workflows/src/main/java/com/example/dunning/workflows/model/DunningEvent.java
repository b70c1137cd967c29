package com.example.dunning.workflows.model;

/**
 * An event of the dunning to record in PostgreSQL, with the entry its log shows.
 *
 * @param key unique per dunning and event
 * @param status the dunning's status after the event, or null when unchanged
 * @param attempt a charge attempt to record with the invoice's payments, or null
 */
public record DunningEvent(
    String dunningId, String key, LogEntry entry, DunningStatus status, PaymentAttempt attempt) {}
