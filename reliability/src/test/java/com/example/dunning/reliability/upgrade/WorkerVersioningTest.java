package com.example.dunning.reliability.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.reliability.support.FaultStack;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.SetWorkerDeploymentCurrentVersionRequest;
import io.temporal.api.workflowservice.v1.UpdateWorkerBuildIdCompatibilityRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import org.junit.jupiter.api.Test;

/**
 * Whether Temporal's Worker Versioning can carry an upgrade on the test server the suite runs on:
 * it cannot, neither the worker deployments nor the older build-id sets, so the upgrade scenario
 * rests on {@code Workflow.getVersion} alone (docs/production.md says so). When a server answers
 * these calls, this test fails and the page is to be updated.
 */
class WorkerVersioningTest {

  @Test
  void givenTheTestServer_whenAskedToVersionWorkers_itShouldAnswerUnimplemented() throws Exception {
    WorkflowServiceBlockingStub service =
        FaultStack.shared().client.getWorkflowServiceStubs().blockingStub();

    assertThatThrownBy(
            () ->
                service.setWorkerDeploymentCurrentVersion(
                    SetWorkerDeploymentCurrentVersionRequest.newBuilder()
                        .setNamespace("default")
                        .setDeploymentName("dunning-worker")
                        .setBuildId("2")
                        .build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, WorkerVersioningTest::unimplemented);
    assertThatThrownBy(
            () ->
                service.updateWorkerBuildIdCompatibility(
                    UpdateWorkerBuildIdCompatibilityRequest.newBuilder()
                        .setNamespace("default")
                        .setTaskQueue("dunning")
                        .setAddNewBuildIdInNewDefaultSet("2")
                        .build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, WorkerVersioningTest::unimplemented);
  }

  private static void unimplemented(StatusRuntimeException refusal) {
    assertThat(refusal.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
  }
}
