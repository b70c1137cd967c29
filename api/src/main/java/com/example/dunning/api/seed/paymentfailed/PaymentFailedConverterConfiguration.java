package com.example.dunning.api.seed.paymentfailed;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Puts seed 000's converter ahead of Spring's own, for the server side only. */
@Configuration(proxyBeanMethods = false)
class PaymentFailedConverterConfiguration implements WebMvcConfigurer {

  private final JsonMapper json;

  PaymentFailedConverterConfiguration(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
    converters.addCustomConverter(new PaymentFailedConverter(json));
  }
}
