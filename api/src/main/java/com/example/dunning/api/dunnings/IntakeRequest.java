package com.example.dunning.api.dunnings;

import java.time.Instant;

/**
 * A failed payment reported by a system without webhooks.
 *
 * @param provider the billing provider whose adapter the worker uses, e.g. {@code elasticpath}
 * @param amount what is owed, in the currency's minor unit (cents, øre)
 * @param currency ISO 4217, e.g. {@code NOK}
 * @param attemptCount how many charges have failed so far; 1 when left out
 * @param failedAt when the charge failed; now when left out
 */
public record IntakeRequest(
    String provider,
    String invoiceId,
    String customerId,
    Long amount,
    String currency,
    Contact contact,
    Integer attemptCount,
    Instant failedAt) {

  /**
   * How to reach the customer; at least one of the two.
   *
   * @param phone E.164, e.g. {@code +4712345678}
   */
  public record Contact(String email, String phone) {}
}
