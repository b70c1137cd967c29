package com.example.dunning.notices;

/**
 * How many characters one SMS segment holds: 160 when every character is in the GSM 03.38 alphabet
 * (its extension characters, such as {@code €}, count twice), otherwise 70 (UCS-2).
 */
public final class SmsSegments {

  /** One segment in the GSM 7-bit alphabet. */
  public static final int GSM_7_LIMIT = 160;

  /** One segment once any character is outside that alphabet. */
  public static final int UCS_2_LIMIT = 70;

  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String EXTENSION = "\f^{}\\[~]|€";

  private SmsSegments() {}

  /** True when the text goes out as one segment. */
  public static boolean fitsOne(String text) {
    int gsmLength = gsmLength(text);
    return gsmLength >= 0 ? gsmLength <= GSM_7_LIMIT : text.length() <= UCS_2_LIMIT;
  }

  /** The text's length in GSM 7-bit septets, or -1 when it needs UCS-2. */
  public static int gsmLength(String text) {
    int septets = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (BASIC.indexOf(c) >= 0) {
        septets += 1;
      } else if (EXTENSION.indexOf(c) >= 0) {
        septets += 2;
      } else {
        return -1;
      }
    }
    return septets;
  }
}
