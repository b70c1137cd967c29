package com.example.dunning.activities.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts every answer in which a provider refused our credentials (401/403), by provider and
 * status: the meter an alert on a wrong, expired or revoked key watches, where the log says it only
 * once.
 */
@Component
public class CredentialRefusals {

  /** In Prometheus: {@code dunning_provider_credentials_refused_total{provider,status}}. */
  public static final String METER = "dunning.provider.credentials.refused";

  private final MeterRegistry registry;

  public CredentialRefusals(MeterRegistry registry) {
    this.registry = registry;
  }

  public void count(String provider, int status) {
    Counter.builder(METER)
        .description("Answers in which a billing provider refused our credentials")
        .tag("provider", provider)
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment();
  }
}
