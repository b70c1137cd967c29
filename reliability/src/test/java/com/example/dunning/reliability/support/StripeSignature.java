package com.example.dunning.reliability.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The {@code Stripe-Signature} header as Stripe writes it: {@code t=<unix>,v1=<hex HMAC>}. */
public final class StripeSignature {

  private StripeSignature() {}

  public static String now(String payload, String secret) {
    return at(Instant.now().getEpochSecond(), payload, secret);
  }

  /** Signed at {@code unixSeconds}: the HMAC-SHA256 of {@code "<t>.<payload>"}. */
  public static String at(long unixSeconds, String payload, String secret) {
    return "t=" + unixSeconds + ",v1=" + hmac(unixSeconds + "." + payload, secret);
  }

  public static String hmac(String signed, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
