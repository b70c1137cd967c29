package com.example.dunning.worker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The worker: runs the dunning workflows and their activities. Its only HTTP is health and metrics.
 * Its configuration is {@code dunning-worker.yml}, so that it can share a JVM (and a classpath)
 * with the API in the dev stack.
 */
@SpringBootApplication(
    scanBasePackages = {"com.example.dunning.worker", "com.example.dunning.activities"})
public class DunningWorkerApplication {

  public static final String CONFIG_NAME = "spring.config.name=dunning-worker";

  public static void main(String[] args) {
    new SpringApplicationBuilder(DunningWorkerApplication.class).properties(CONFIG_NAME).run(args);
  }
}
