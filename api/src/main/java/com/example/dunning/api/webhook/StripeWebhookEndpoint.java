package com.example.dunning.api.webhook;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Serves {@code POST /webhooks/stripe} by its own servlet, beside Spring MVC's. */
@Configuration
class StripeWebhookEndpoint {

  @Bean
  ServletRegistrationBean<StripeWebhookServlet> stripeWebhookServlet(
      StripeWebhookProperties properties, StripeEventRouter router, JsonMapper json) {
    ServletRegistrationBean<StripeWebhookServlet> registration =
        new ServletRegistrationBean<>(
            new StripeWebhookServlet(properties, router, json), StripeWebhookServlet.PATH);
    registration.setLoadOnStartup(1);
    return registration;
  }
}
