package com.example.dunning.activities.payment;

import com.stripe.StripeClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
public class StripeConfiguration {

  @Bean
  public StripeClient stripeClient(StripeProperties properties) {
    return newClient(properties);
  }

  /** One client for the application; tests build theirs the same way. */
  public static StripeClient newClient(StripeProperties properties) {
    if (properties.apiKey() == null || properties.apiKey().isBlank()) {
      throw new IllegalStateException(
          "dunning.stripe.api-key is empty: set STRIPE_API_KEY (any sk_test_ value for a local stub)");
    }
    StripeClient.StripeClientBuilder builder =
        StripeClient.builder()
            .setApiKey(properties.apiKey())
            .setConnectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()))
            .setReadTimeout(Math.toIntExact(properties.readTimeout().toMillis()))
            .setMaxNetworkRetries(properties.maxNetworkRetries())
            .setHttpClient(new StripeHttpClient());
    if (properties.apiBase() != null && !properties.apiBase().isBlank()) {
      builder.setApiBase(properties.apiBase());
    }
    return builder.build();
  }
}
