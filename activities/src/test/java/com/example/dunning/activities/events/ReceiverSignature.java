package com.example.dunning.activities.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of the {@code Dunning-Signature} header, written from the documented scheme
 * alone with javax.crypto, as an integrator would: not the project's signer.
 */
final class ReceiverSignature {

  private static final Duration TOLERANCE = Duration.ofMinutes(5);

  private ReceiverSignature() {}

  /**
   * Whether the body is signed with {@code secret} at a time within five minutes of {@code now}.
   */
  static boolean accepts(String header, String body, String secret, Instant now) throws Exception {
    Long t = null;
    List<String> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      String[] pair = part.split("=", 2);
      if (pair[0].equals("t")) {
        t = Long.parseLong(pair[1]);
      } else if (pair[0].equals("v1")) {
        signatures.add(pair[1]);
      }
    }
    if (t == null
        || Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(TOLERANCE) > 0) {
      return false;
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
    for (String signature : signatures) {
      if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature))) {
        return true;
      }
    }
    return false;
  }
}
