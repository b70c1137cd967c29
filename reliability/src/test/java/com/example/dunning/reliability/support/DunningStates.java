package com.example.dunning.reliability.support;

import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import io.temporal.client.WorkflowClient;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The {@code state} query of many dunnings, asked eight at a time. */
public final class DunningStates {

  private DunningStates() {}

  /** Each dunning's state by its id; each answer within 90 s (a busy worker answers late). */
  public static Map<String, DunningState> of(WorkflowClient client, Collection<String> dunningIds)
      throws Exception {
    ExecutorService askers = Executors.newFixedThreadPool(8);
    try {
      Map<String, Future<DunningState>> asked = new HashMap<>();
      for (String id : dunningIds) {
        asked.put(
            id, askers.submit(() -> client.newWorkflowStub(DunningWorkflow.class, id).state()));
      }
      Map<String, DunningState> states = new HashMap<>();
      for (Map.Entry<String, Future<DunningState>> entry : asked.entrySet()) {
        states.put(entry.getKey(), entry.getValue().get(90, TimeUnit.SECONDS));
      }
      return states;
    } finally {
      askers.shutdownNow();
    }
  }
}
