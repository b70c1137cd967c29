package com.example.dunning.api.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param webhookSecret the endpoint's signing secret ({@code whsec_…}); empty refuses every webhook
 */
@ConfigurationProperties("dunning.stripe")
public record StripeWebhookProperties(String webhookSecret) {

  boolean hasSecret() {
    return webhookSecret != null && !webhookSecret.isBlank();
  }
}
