package com.example.dunning.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The dunning API: receives the billing provider's webhooks and starts or signals dunnings. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DunningApiApplication {

  /**
   * The API reads dunning-api.yml, not application.yml: the dev launcher runs it beside the worker.
   */
  public static final String CONFIG_NAME = "spring.config.name=dunning-api";

  public static void main(String[] args) {
    new SpringApplicationBuilder(DunningApiApplication.class).properties(CONFIG_NAME).run(args);
  }
}
