package com.example.dunning.workflows.client;

import com.example.dunning.workflows.dunning.DunningSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the dunning's search attributes with the Temporal server, one at a time so that one
 * already there does not hide the others. A server that has an attribute answers {@code
 * ALREADY_EXISTS}, which counts as success.
 */
public final class SearchAttributeRegistration {

  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistration.class);

  private SearchAttributeRegistration() {}

  /**
   * What the worker and the API do at start-up, before they poll or start anything: a workflow that
   * upserts an unregistered attribute fails its task, a start that sets one is refused. A refusal
   * is logged, not thrown: on Temporal Cloud the attributes are added in the namespace's settings,
   * and the application still starts.
   */
  public static void registerAtStartup(WorkflowClient client) {
    String namespace = client.getOptions().getNamespace();
    try {
      List<String> added = register(client.getWorkflowServiceStubs(), namespace);
      log.info(
          "Search attributes registered in namespace {}: {}",
          namespace,
          added.isEmpty() ? "all there already" : added);
    } catch (StatusRuntimeException e) {
      log.warn(
          "Could not register the search attributes in namespace {} ({}); add them to the"
              + " namespace by hand: {}",
          namespace,
          e.getStatus(),
          DunningSearchAttributes.ALL.stream()
              .map(key -> key.getName() + " (" + key.getValueType() + ")")
              .collect(Collectors.joining(", ")));
    }
  }

  /**
   * @return the names newly registered; those that existed are left out
   * @throws StatusRuntimeException when the server refuses for another reason (e.g. Temporal Cloud,
   *     where attributes are added in the namespace's settings, answers PERMISSION_DENIED)
   */
  public static List<String> register(WorkflowServiceStubs service, String namespace) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(service.getRawChannel())
                .validateAndBuildWithDefaults());
    List<String> added = new ArrayList<>();
    for (SearchAttributeKey<?> key : DunningSearchAttributes.ALL) {
      try {
        operator
            .blockingStub()
            .addSearchAttributes(
                AddSearchAttributesRequest.newBuilder()
                    .setNamespace(namespace)
                    .putSearchAttributes(key.getName(), key.getValueType())
                    .build());
        added.add(key.getName());
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
          throw e;
        }
      }
    }
    return added;
  }
}
