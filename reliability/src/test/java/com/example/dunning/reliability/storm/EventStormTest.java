package com.example.dunning.reliability.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.dunning.dev.DevStack;
import com.example.dunning.dev.EventReceiver;
import com.example.dunning.reliability.storm.StormPlan.Invoice;
import com.example.dunning.reliability.support.ReliabilityStack;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook storm with one event endpoint on (the dev stack's receiver, which checks each
 * signature): once every dunning has settled and its events are delivered, the receiver holds each
 * dunning's events complete (every event PostgreSQL's outbox wrote), none twice by id, in sequence
 * order, started first and, for an ended dunning, its end last.
 */
class EventStormTest {

  private static final long SEED = 20261205L;
  private static final int CONNECTIONS = 16;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ReliabilityStack stack;

  @BeforeAll
  static void startTheStackWithAnEndpoint() throws Exception {
    stack = ReliabilityStack.startWithEventReceiver("storm");
  }

  @AfterAll
  static void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void givenAStormWithOneEndpointOn_whenItSettles_eachDunningsEventsShouldArriveCompleteAndOnce()
      throws Exception {
    StormPlan plan = StormPlan.draw(SEED, 150, 500);
    StormDelivery delivery =
        new StormDelivery(CONNECTIONS, stack::api, stack::stripe, DevStack.DEV_WEBHOOK_SECRET);
    try {
      delivery.run(plan);
    } finally {
      delivery.close();
    }
    assertThat(delivery.refused).as("deliveries not answered 200").isEmpty();
    Map<String, DunningStatus> ended = new HashMap<>();
    for (Invoice invoice : plan.invoices) {
      DunningStatus outcome = invoice.story().outcome;
      if (outcome != null && outcome != DunningStatus.ACTIVE) {
        String dunningId = DunningIds.workflowId("stripe", invoice.id());
        DunningResult result =
            stack
                .temporal()
                .newUntypedWorkflowStub(dunningId)
                .getResult(120, TimeUnit.SECONDS, DunningResult.class);
        assertThat(result.outcome()).as(dunningId).isEqualTo(outcome);
        ended.put(dunningId, outcome);
      }
    }
    Set<String> opened =
        Set.copyOf(
            stack
                .database()
                .queryForList(
                    "SELECT dunning_id FROM failed_invoice WHERE dunning_id LIKE 'dunning-stripe-in_storm_%'",
                    String.class));
    // Every still-failing dunning has sent its first notice, and every event written is delivered.
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                stack
                            .database()
                            .queryForObject(
                                "SELECT count(*) FROM event_delivery WHERE state <> 'DELIVERED'",
                                Integer.class)
                        == 0
                    && stack
                            .database()
                            .queryForObject(
                                "SELECT count(DISTINCT dunning_id) FROM dunning_event"
                                    + " WHERE type = 'dunning.notice_sent'",
                                Integer.class)
                        >= opened.size() - ended.size());

    Map<String, List<Integer>> written = new HashMap<>();
    stack
        .database()
        .query(
            "SELECT dunning_id, sequence FROM dunning_event ORDER BY dunning_id, sequence",
            row -> {
              written.computeIfAbsent(row.getString(1), d -> new ArrayList<>()).add(row.getInt(2));
            });
    List<EventReceiver.Arrival> arrivals = stack.devStack().events().arrivals();
    List<JsonNode> received = new ArrayList<>();
    for (EventReceiver.Arrival arrival : arrivals) {
      received.add(JSON.readTree(arrival.body()));
    }
    Map<String, List<JsonNode>> byDunning = new LinkedHashMap<>();
    received.forEach(
        event ->
            byDunning
                .computeIfAbsent(event.get("dunningId").asText(), d -> new ArrayList<>())
                .add(event));
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, List<JsonNode>> entry : byDunning.entrySet()) {
      List<Integer> sequences =
          entry.getValue().stream().map(e -> e.get("sequence").asInt()).toList();
      List<Integer> all =
          IntStream.rangeClosed(1, written.get(entry.getKey()).size()).boxed().toList();
      String first = entry.getValue().get(0).get("type").asText();
      String last = entry.getValue().get(entry.getValue().size() - 1).get("type").asText();
      DunningStatus outcome = ended.get(entry.getKey());
      if (!sequences.equals(all)
          || !first.equals("dunning.started")
          || (outcome != null && !last.equals("dunning." + outcome.name().toLowerCase()))) {
        wrong.add(
            entry.getKey() + ": " + sequences + " of " + all.size() + ", " + first + " … " + last);
      }
    }
    System.out.printf(
        "event storm: %d invoices, %d dunnings opened, %d ended, %d events written, %d received%n",
        plan.invoices.size(),
        opened.size(),
        ended.size(),
        written.values().stream().mapToInt(List::size).sum(),
        arrivals.size());
    assertThat(arrivals).as("refused signatures").allMatch(EventReceiver.Arrival::signed);
    assertThat(received.stream().map(e -> e.get("id").asText()).collect(Collectors.toList()))
        .as("ids at the receiver")
        .doesNotHaveDuplicates();
    assertThat(byDunning.keySet()).as("dunnings with events").isEqualTo(opened);
    assertThat(written.keySet()).isEqualTo(opened);
    assertThat(wrong).as("each dunning's events in order, complete").isEmpty();
  }
}
