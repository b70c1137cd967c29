package com.example.dunning.worker;

import com.example.dunning.workflows.SearchAttributeRegistration;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Registers the dunning's search attributes before the workers start polling, since a workflow that
 * upserts an unknown attribute fails its task.
 */
@Component
class SearchAttributesAtStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SearchAttributesAtStartup.class);

  private final WorkflowClient client;

  SearchAttributesAtStartup(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public void run(ApplicationArguments args) {
    String namespace = client.getOptions().getNamespace();
    try {
      List<String> added =
          SearchAttributeRegistration.register(client.getWorkflowServiceStubs(), namespace);
      log.info(
          "Search attributes registered in namespace {}: {}",
          namespace,
          added.isEmpty() ? "all there already" : added);
    } catch (StatusRuntimeException e) {
      log.warn(
          "Could not register the search attributes in namespace {} ({}); add DunningStatus, DunningProvider,"
              + " InvoiceId, CustomerId, CustomerEmail (Keyword) and AmountDue (Int) to the namespace by hand",
          namespace,
          e.getStatus());
    }
  }
}
