package com.example.dunning.workflows.model;

import java.util.Map;

/**
 * What the generic intake was told of the customer and the package beyond the invoice itself. The
 * provider's answer, asked before every step, wins wherever it has a value: these only fill what it
 * leaves out (Elastic Path reports no phone, no provider reports the business's own keys).
 *
 * @param phone E.164, e.g. {@code +4712345678}
 * @param timeZone an IANA zone id, e.g. {@code Europe/Oslo}
 * @param locale a BCP 47 language tag, e.g. {@code nb-NO}, kept in the metadata as {@code locale}
 * @param metadata the business's keys as Stripe metadata carries them: {@code user_id}, {@code
 *     package_id}, {@code artist_name}, {@code profile_url}
 */
public record IntakeDetails(
    String phone,
    String timeZone,
    String locale,
    String packageName,
    Map<String, String> metadata) {

  /** The metadata key of {@link #locale()}. */
  public static final String LOCALE = "locale";
}
