package com.example.dunning.workflows.model;

import java.time.Instant;

/**
 * The provider needs the customer to confirm the payment (3-D Secure): the customer gets a notice
 * with the link to confirm, once per charge attempt.
 */
public record AuthenticationRequired(int attemptCount, String payUrl, Instant at) {}
