package com.example.dunning.activities.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dunning reaches Elastic Path's subscriptions API.
 *
 * @param baseUrl the store's API host, e.g. {@code https://useast.api.elasticpath.com} or {@code
 *     https://euwest.api.elasticpath.com}
 * @param clientId the client-credentials key pair of the store; without both, Elastic Path is not
 *     configured and its dunnings wait for it
 */
@ConfigurationProperties("dunning.elasticpath")
public record ElasticPathProperties(
    @DefaultValue("https://useast.api.elasticpath.com") String baseUrl,
    String clientId,
    String clientSecret,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("20s") Duration readTimeout) {

  boolean isConfigured() {
    return clientId != null
        && !clientId.isBlank()
        && clientSecret != null
        && !clientSecret.isBlank();
  }
}
