package com.example.dunning.api.temporal;

import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Applies TEMPORAL_TLS_CERT / TEMPORAL_TLS_KEY to the starter's service stubs. The starter's own
 * {@code spring.temporal.connection.mtls.*} treats any non-null value, even an empty default from
 * {@code ${TEMPORAL_TLS_KEY:}}, as a request for mTLS, so these optional variables are applied
 * here.
 */
@Component
class TemporalTlsCustomizer
    implements TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> {

  private final TemporalTlsProperties tls;

  TemporalTlsCustomizer(TemporalTlsProperties tls) {
    this.tls = tls;
  }

  @Override
  public WorkflowServiceStubsOptions.Builder customize(
      WorkflowServiceStubsOptions.Builder options) {
    if (!tls.configured()) {
      return options;
    }
    if (blank(tls.tlsCert()) || blank(tls.tlsKey())) {
      throw new IllegalStateException(
          "TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together");
    }
    try (InputStream cert = pem(tls.tlsCert());
        InputStream key = pem(tls.tlsKey())) {
      return options.setSslContext(SimpleSslContextBuilder.forPKCS8(cert, key).build());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Temporal mTLS certificate or key", e);
    }
  }

  private static InputStream pem(String fileOrPem) throws IOException {
    if (fileOrPem.strip().startsWith("-----BEGIN")) {
      return new ByteArrayInputStream(fileOrPem.getBytes(StandardCharsets.UTF_8));
    }
    return Files.newInputStream(Path.of(fileOrPem.strip()));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
