package com.example.dunning.notices;

import java.util.regex.Pattern;

/**
 * Who the notices say is writing: the business's name, its sender, how to reach its support, its
 * logo and colour, and the legal footer.
 *
 * @param companyName the name customers know the business by; named in every notice
 * @param senderName the email's From name and the signature
 * @param supportEmail where customers write with questions; the email's Reply-To
 * @param supportPhone optional, as customers should dial it
 * @param logoUrl optional, an https image: the only remote resource an email loads
 * @param accentColour the button's colour, {@code #rgb} or {@code #rrggbb}
 * @param legalName the footer's legal name, e.g. {@code Example AS}
 * @param address the footer's postal address, optional
 */
public record Brand(
    String companyName,
    String senderName,
    String supportEmail,
    String supportPhone,
    String logoUrl,
    String accentColour,
    String legalName,
    String address) {

  private static final Pattern COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

  /** The colour the button gets when none is configured. */
  public static final String DEFAULT_ACCENT = "#1a56db";

  public Brand {
    companyName = required(companyName, "company name");
    senderName = orElse(senderName, companyName);
    supportEmail = required(supportEmail, "support email");
    supportPhone = orElse(supportPhone, null);
    logoUrl = orElse(logoUrl, null);
    accentColour = orElse(accentColour, DEFAULT_ACCENT);
    legalName = orElse(legalName, companyName);
    address = orElse(address, null);
    // Both go into the HTML's attributes: a colour or an https address and nothing else.
    if (!COLOUR.matcher(accentColour).matches()) {
      throw new IllegalArgumentException(
          "brand accent colour is not #rgb or #rrggbb: " + accentColour);
    }
    if (logoUrl != null && !logoUrl.startsWith("https://")) {
      throw new IllegalArgumentException("brand logo URL is not an https address: " + logoUrl);
    }
  }

  private static String required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("brand " + what + " is not set");
    }
    return value.strip();
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
