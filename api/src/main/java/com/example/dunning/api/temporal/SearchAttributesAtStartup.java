package com.example.dunning.api.temporal;

import com.example.dunning.workflows.SearchAttributeRegistration;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Registers the dunning's search attributes before the first webhook: a start that uses an
 * unregistered attribute fails with INVALID_ARGUMENT.
 */
@Component
class SearchAttributesAtStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SearchAttributesAtStartup.class);

  private final WorkflowServiceStubs service;
  private final WorkflowClient client;

  SearchAttributesAtStartup(WorkflowServiceStubs service, WorkflowClient client) {
    this.service = service;
    this.client = client;
  }

  @Override
  public void run(ApplicationArguments args) {
    String namespace = client.getOptions().getNamespace();
    try {
      List<String> added = SearchAttributeRegistration.register(service, namespace);
      log.info("Search attributes in namespace {}: newly registered {}", namespace, added);
    } catch (StatusRuntimeException e) {
      // Temporal Cloud refuses (PERMISSION_DENIED): there they are added in the namespace's
      // settings.
      // The API still starts; starts fail, and Stripe retries, until they exist.
      log.warn(
          "Could not register the dunning search attributes in namespace {}: {}",
          namespace,
          e.getStatus());
    }
  }
}
