package com.example.dunning.api;

import com.example.dunning.workflows.client.SearchAttributeRegistration;
import io.temporal.client.WorkflowClient;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The dunning API: receives the billing provider's webhooks and starts or signals dunnings. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DunningApiApplication {

  /**
   * The API reads dunning-api.yml, not application.yml: the dev launcher runs it beside the worker.
   */
  public static final String CONFIG_NAME = "spring.config.name=dunning-api";

  /**
   * Registers the dunning's search attributes at start-up (see {@link
   * SearchAttributeRegistration}).
   */
  @Bean
  ApplicationRunner searchAttributesAtStartup(WorkflowClient client) {
    return args -> SearchAttributeRegistration.registerAtStartup(client);
  }

  public static void main(String[] args) {
    new SpringApplicationBuilder(DunningApiApplication.class).properties(CONFIG_NAME).run(args);
  }
}
