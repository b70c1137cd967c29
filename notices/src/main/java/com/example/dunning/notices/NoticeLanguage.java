package com.example.dunning.notices;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the notices are written in, each with the locale its amounts and dates are
 * formatted in when the customer's tag names no region, and the countries whose customers read it.
 */
public enum NoticeLanguage {
  EN("en", "US", List.of("GB", "US", "IE", "AU", "NZ", "CA")),
  NB("nb", "NO", List.of("NO")),
  DE("de", "DE", List.of("DE", "AT", "CH", "LI")),
  FR("fr", "FR", List.of("FR", "BE", "LU", "MC")),
  ES("es", "ES", List.of("ES", "MX", "AR", "CO", "CL", "PE")),
  SV("sv", "SE", List.of("SE"));

  private final String tag;
  private final String homeRegion;
  private final List<String> countries;

  NoticeLanguage(String tag, String homeRegion, List<String> countries) {
    this.tag = tag;
    this.homeRegion = homeRegion;
    this.countries = countries;
  }

  /** The BCP 47 language subtag, which also names the language's message file. */
  public String tag() {
    return tag;
  }

  /** The locale of a customer who reads this language and whose region is not known. */
  public Locale homeLocale() {
    return new Locale.Builder().setLanguage(tag).setRegion(homeRegion).build();
  }

  /**
   * The language of a BCP 47 tag such as {@code nb-NO}, {@code de} or {@code no} (Norwegian, read
   * as Bokmål, as is Nynorsk {@code nn}), if the notices are written in it.
   */
  public static Optional<NoticeLanguage> ofTag(String languageTag) {
    Locale locale = parse(languageTag);
    if (locale == null) {
      return Optional.empty();
    }
    String language = locale.getLanguage();
    if (language.equals("no") || language.equals("nn")) {
      language = NB.tag;
    }
    for (NoticeLanguage known : values()) {
      if (known.tag.equals(language)) {
        return Optional.of(known);
      }
    }
    return Optional.empty();
  }

  /**
   * The locale to format a customer's notices in: the tag's own when its language is one of ours
   * (so {@code de-CH} keeps Swiss formats), else empty.
   */
  public static Optional<Locale> localeOf(String languageTag) {
    return ofTag(languageTag)
        .map(
            language -> {
              String region = parse(languageTag).getCountry();
              return region.isEmpty()
                  ? language.homeLocale()
                  : new Locale.Builder().setLanguage(language.tag).setRegion(region).build();
            });
  }

  /**
   * The tag of the language customers in a country read, e.g. {@code nb-NO} for {@code NO}, or
   * empty when none of ours is spoken there.
   */
  public static Optional<String> tagOfCountry(String isoCountry) {
    if (isoCountry == null) {
      return Optional.empty();
    }
    String country = isoCountry.strip().toUpperCase(Locale.ROOT);
    for (NoticeLanguage language : values()) {
      if (language.countries.contains(country)) {
        return Optional.of(language.tag + "-" + country);
      }
    }
    return Optional.empty();
  }

  private static Locale parse(String languageTag) {
    if (languageTag == null || languageTag.isBlank()) {
      return null;
    }
    try {
      return new Locale.Builder().setLanguageTag(languageTag.strip().replace('_', '-')).build();
    } catch (IllformedLocaleException e) {
      return null;
    }
  }
}
