package com.example.dunning.worker;

import com.example.dunning.workflows.client.SearchAttributeRegistration;
import io.temporal.client.WorkflowClient;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The worker: runs the dunning workflows and their activities. Its only HTTP is health and metrics.
 * Its configuration is {@code dunning-worker.yml}, so that it can share a JVM (and a classpath)
 * with the API in the dev stack.
 */
@SpringBootApplication(
    scanBasePackages = {"com.example.dunning.worker", "com.example.dunning.activities"})
public class DunningWorkerApplication {

  public static final String CONFIG_NAME = "spring.config.name=dunning-worker";

  /**
   * Registers the dunning's search attributes at start-up (see {@link
   * SearchAttributeRegistration}).
   */
  @Bean
  ApplicationRunner searchAttributesAtStartup(WorkflowClient client) {
    return args -> SearchAttributeRegistration.registerAtStartup(client);
  }

  public static void main(String[] args) {
    new SpringApplicationBuilder(DunningWorkerApplication.class).properties(CONFIG_NAME).run(args);
  }
}
