package com.example.dunning.activities.payment;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the dunning reaches Frontpayment's subscription API.
 *
 * @param baseUrl e.g. {@code https://demo-api.frontpayment.no} for their demo
 * @param token the Bearer token Frontpayment issued; without it and the base URL, Frontpayment is
 *     not configured and its dunnings wait for it
 * @param timeZone the zone of Frontpayment's local date-times ({@code dd.MM.yyyy HH:mm})
 */
@ConfigurationProperties("dunning.frontpayment")
public record FrontpaymentProperties(
    String baseUrl,
    String token,
    @DefaultValue("Europe/Oslo") ZoneId timeZone,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("20s") Duration readTimeout) {

  boolean isConfigured() {
    return baseUrl != null && !baseUrl.isBlank() && token != null && !token.isBlank();
  }
}
