package com.example.dunning.api.temporal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mTLS client certificate and PKCS8 key for Temporal (TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY):
 * each a path to a PEM file or the PEM text itself. Both empty: no mTLS.
 */
@ConfigurationProperties("dunning.temporal")
public record TemporalTlsProperties(String tlsCert, String tlsKey) {

  boolean configured() {
    return !isBlank(tlsCert) || !isBlank(tlsKey);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
