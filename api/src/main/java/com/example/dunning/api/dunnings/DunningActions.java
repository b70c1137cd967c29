package com.example.dunning.api.dunnings;

import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.client.WorkflowUpdateTimeoutOrCancelledException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends an operator's action to the dunning as a workflow update and answers its new state. An
 * update, not a signal: the workflow validates it first (an ended dunning refuses it, which the
 * caller learns as 409), and its answer is the state after the workflow acted on it, not a state
 * read before the signal was handled.
 */
@Component
public class DunningActions {

  private final WorkflowClient client;
  private final DunningRecordQueries records;
  private final Duration wait;

  DunningActions(
      WorkflowClient client,
      DunningRecordQueries records,
      @Value("${dunning.api.action-wait:PT10S}") Duration wait) {
    this.client = client;
    this.records = records;
    this.wait = wait;
  }

  /**
   * @param done false when the workflow accepted the action but had not acted on it within the wait
   *     (it is busy with a step, e.g. a provider that does not answer): {@code state} is then the
   *     state at that moment
   */
  public record Outcome(DunningState state, boolean done) {}

  /**
   * The end of a pause an operator asked for: null (until resumed) or an instant in the future.
   *
   * @throws InvalidRequestException when it is not in the future
   */
  public static Instant pauseEnd(Instant until) {
    if (until != null && !until.isAfter(Instant.now())) {
      throw new InvalidRequestException("until: must be in the future: " + until);
    }
    return until;
  }

  public Outcome act(String dunningId, String update, Object command) {
    try {
      WorkflowUpdateHandle<DunningState> handle =
          client
              .newUntypedWorkflowStub(dunningId)
              .startUpdate(
                  UpdateOptions.newBuilder(DunningState.class)
                      .setUpdateName(update)
                      .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                      .build(),
                  command);
      return new Outcome(handle.getResult(wait.toMillis(), TimeUnit.MILLISECONDS), true);
    } catch (WorkflowUpdateTimeoutOrCancelledException slow) {
      return new Outcome(state(dunningId), false);
    } catch (WorkflowUpdateException refused) {
      if (refused.getCause() instanceof ApplicationFailure failure && isRefusal(failure)) {
        DunningState now = state(dunningId);
        String message = failure.getOriginalMessage();
        throw new DunningEndedException(
            dunningId,
            now == null ? null : now.status().name(),
            message.substring(message.indexOf(':') + 1).strip());
      }
      throw refused;
    } catch (WorkflowNotFoundException closed) {
      throw ended(dunningId);
    } catch (WorkflowServiceException e) {
      if (isNotFound(e)) {
        throw ended(dunningId);
      }
      throw e;
    }
  }

  /** The live state, or null when Temporal does not have the workflow (any more). */
  public DunningState state(String dunningId) {
    try {
      return client
          .newUntypedWorkflowStub(dunningId)
          .query(DunningWorkflow.STATE, DunningState.class);
    } catch (WorkflowNotFoundException | WorkflowQueryException e) {
      return null;
    } catch (WorkflowServiceException e) {
      if (isNotFound(e)) {
        return null;
      }
      throw e;
    }
  }

  /** An update to a workflow that no longer runs: it has ended, or never was. */
  private RuntimeException ended(String dunningId) {
    return records
        .byDunningId(dunningId)
        .<RuntimeException>map(
            record ->
                new DunningEndedException(
                    dunningId,
                    record.status().name(),
                    "the dunning has already ended " + record.status()))
        .orElseGet(() -> new DunningEndedException(dunningId, null, "the dunning has ended"));
  }

  /** The workflow's validator refused: the dunning has ended, or its package has expired. */
  private static boolean isRefusal(ApplicationFailure failure) {
    String message = failure.getOriginalMessage() == null ? "" : failure.getOriginalMessage();
    return Stream.of(DunningWorkflow.REFUSED_ENDED, DunningWorkflow.REFUSED_EXPIRED)
        .anyMatch(type -> type.equals(failure.getType()) || message.startsWith(type + ":"));
  }

  private static boolean isNotFound(WorkflowException e) {
    return e.getCause() instanceof StatusRuntimeException grpc
        && grpc.getStatus().getCode() == Status.Code.NOT_FOUND;
  }
}
