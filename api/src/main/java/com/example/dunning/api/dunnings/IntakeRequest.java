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
 * @param userId the business's user id, as Stripe metadata {@code user_id} carries it: seed 000
 *     lists failed invoices by it
 * @param packageId the business's package id (Stripe metadata {@code package_id})
 * @param packageName what the customer bought, named in the notices
 * @param artistName the artist of the package (Stripe metadata {@code artist_name}); the package
 *     name when left out
 * @param profileUrl the customer's profile page (Stripe metadata {@code profile_url})
 * @param locale the customer's language, a BCP 47 tag such as {@code nb-NO}
 * @param timeZone the customer's IANA zone, e.g. {@code Europe/Oslo}: notices wait out the night
 *     there
 */
public record IntakeRequest(
    String provider,
    String invoiceId,
    String customerId,
    Long amount,
    String currency,
    Contact contact,
    Integer attemptCount,
    Instant failedAt,
    Long userId,
    Long packageId,
    String packageName,
    String artistName,
    String profileUrl,
    String locale,
    String timeZone) {

  /**
   * How to reach the customer; at least one of the two.
   *
   * @param phone E.164, e.g. {@code +4712345678}
   */
  public record Contact(String email, String phone) {}
}
