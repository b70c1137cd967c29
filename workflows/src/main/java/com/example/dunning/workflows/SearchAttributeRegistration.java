package com.example.dunning.workflows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the dunning's search attributes with the Temporal server, one at a time so that one
 * already there does not hide the others. A server that has an attribute answers {@code
 * ALREADY_EXISTS}, which counts as success.
 */
public final class SearchAttributeRegistration {

  private SearchAttributeRegistration() {}

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
