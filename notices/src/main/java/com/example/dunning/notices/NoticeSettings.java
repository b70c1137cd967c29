package com.example.dunning.notices;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.UnaryOperator;

/**
 * The settings the notices are written with, and their defaults, in one place for both the worker
 * (which sends) and the API (whose dashboard previews): {@code dunning.brand.*} and {@code
 * dunning.notices.*}.
 */
public final class NoticeSettings {

  /** The company name of a service nobody branded: notices still name a sender. */
  public static final String DEFAULT_COMPANY = "Example";

  static final String DEFAULT_SUPPORT_EMAIL = "billing@example.com";

  private NoticeSettings() {}

  /**
   * @param settings a property's value by its name, or null when unset (Spring's {@code
   *     Environment::getProperty})
   */
  public static NoticeRenderer renderer(UnaryOperator<String> settings) {
    Brand brand =
        new Brand(
            orElse(settings.apply("dunning.brand.company-name"), DEFAULT_COMPANY),
            settings.apply("dunning.brand.sender-name"),
            orElse(
                settings.apply("dunning.brand.support-email"),
                orElse(settings.apply("dunning.mail.from"), DEFAULT_SUPPORT_EMAIL)),
            settings.apply("dunning.brand.support-phone"),
            settings.apply("dunning.brand.logo-url"),
            settings.apply("dunning.brand.accent-colour"),
            settings.apply("dunning.brand.legal-name"),
            settings.apply("dunning.brand.address"));
    String zone = orElse(settings.apply("dunning.notices.default-time-zone"), "UTC");
    ZoneId defaultZone;
    try {
      defaultZone = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "dunning.notices.default-time-zone is not an IANA zone such as Europe/Oslo: " + zone, e);
    }
    return new NoticeRenderer(
        brand, orElse(settings.apply("dunning.notices.default-locale"), "en"), defaultZone);
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
