package com.example.dunning.activities.events;

import static com.example.dunning.activities.DunningFixtures.open;
import static com.example.dunning.activities.DunningFixtures.payment;
import static com.example.dunning.activities.DunningFixtures.policies;
import static com.example.dunning.activities.DunningFixtures.transaction;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.record.DunningRecords;
import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.workflows.activities.DunningRecordActivities.CloseDunning;
import com.example.dunning.workflows.activities.DunningRecordActivities.OpenDunning;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentDetails;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The worker's delivery loop against a receiver on WireMock, with PostgreSQL's outbox and a clock
 * the test skips forward: signatures checked by the receiver's own code, a receiver down for a day
 * or for good, a worker killed mid-delivery.
 */
class EventDeliveryTest {

  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  private static WireMockServer receiver;

  private final ObjectMapper json = new ObjectMapper();
  private final SkippingClock clock = new SkippingClock(START);
  private JdbcTemplate jdbc;
  private DataSource dataSource;

  @BeforeAll
  static void startReceiver() {
    receiver = new WireMockServer(wireMockConfig().dynamicPort());
    receiver.start();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.stop();
  }

  @BeforeEach
  void setUp() {
    TestPostgres.truncateAll();
    dataSource = TestPostgres.dataSource();
    jdbc = new JdbcTemplate(dataSource);
    receiver.resetAll();
  }

  @Test
  void givenAnEvent_whenDelivered_itShouldCarryASignatureTheReceiversOwnCheckAccepts()
      throws Exception {
    receiverAnswers(200);
    EventEndpoints endpoints = TestEndpoints.of(url());
    dunning(endpoints, "in_sig").start();

    loop(endpoints).deliverDue();

    ServeEvent arrived = single();
    String header = arrived.getRequest().getHeader("Dunning-Signature");
    String body = arrived.getRequest().getBodyAsString();
    assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
    assertThat(ReceiverSignature.accepts(header, body, TestEndpoints.SECRET, START)).isTrue();
    assertThat(
            ReceiverSignature.accepts(
                header, body.replace("1999", "1"), TestEndpoints.SECRET, START))
        .as("a tampered body")
        .isFalse();
    assertThat(
            ReceiverSignature.accepts(header, body, TestEndpoints.SECRET, START.plusSeconds(600)))
        .as("a timestamp ten minutes old")
        .isFalse();
    assertThat(ReceiverSignature.accepts(header, body, TestEndpoints.OLD_SECRET, START))
        .as("another secret")
        .isFalse();
    assertThat(deliveryState()).isEqualTo("DELIVERED 1 200");
  }

  @Test
  void givenASecretBeingRotated_whenDelivered_itShouldBeAcceptedWithEitherSecretAndNoOther()
      throws Exception {
    receiverAnswers(200);
    EventEndpoints rotating =
        TestEndpoints.of(
            Duration.ofSeconds(10), url(), List.of(TestEndpoints.SECRET, TestEndpoints.OLD_SECRET));
    dunning(rotating, "in_rotate").start();

    loop(rotating).deliverDue();

    ServeEvent arrived = single();
    String header = arrived.getRequest().getHeader("Dunning-Signature");
    String body = arrived.getRequest().getBodyAsString();
    assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
    assertThat(ReceiverSignature.accepts(header, body, TestEndpoints.SECRET, START)).isTrue();
    assertThat(ReceiverSignature.accepts(header, body, TestEndpoints.OLD_SECRET, START)).isTrue();
    assertThat(
            ReceiverSignature.accepts(
                header, body, "whsec_other_00000000000000000000000000000000", START))
        .isFalse();
  }

  @Test
  void givenAReceiverDownForADay_whenItIsBack_itShouldGetEachEventOnceInOrderPerDunning()
      throws Exception {
    receiverAnswers(503);
    EventEndpoints endpoints = TestEndpoints.of(url());
    EventDeliveryLoop loop = loop(endpoints);
    for (String invoice : List.of("in_a", "in_b", "in_c")) {
      Dunning dunning = dunning(endpoints, invoice);
      dunning.start();
      dunning.pauseAndResume();
      dunning.cancel();
    }

    runUntil(loop, START.plus(Duration.ofDays(1)));
    int triedWhileDown = receiver.getAllServeEvents().size();
    receiverAnswers(200);
    runUntil(loop, START.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));

    assertThat(triedWhileDown).as("kept trying while down").isGreaterThan(12);
    List<JsonNode> accepted = acceptedInArrivalOrder();
    assertThat(accepted).extracting(e -> e.get("id").asText()).doesNotHaveDuplicates().hasSize(12);
    Map<String, List<Integer>> sequences = new LinkedHashMap<>();
    for (JsonNode event : accepted) {
      sequences
          .computeIfAbsent(event.get("dunningId").asText(), d -> new ArrayList<>())
          .add(event.get("sequence").asInt());
    }
    assertThat(sequences).hasSize(3);
    assertThat(sequences.values()).allSatisfy(s -> assertThat(s).containsExactly(1, 2, 3, 4));
    assertThat(jdbc.queryForList("SELECT DISTINCT state FROM event_delivery", String.class))
        .containsExactly("DELIVERED");
  }

  @Test
  void givenAReceiverDownForThreeDays_whenTheLastTryFails_itShouldRecordTheDeliveriesFailed()
      throws Exception {
    receiverAnswers(503);
    EventEndpoints endpoints = TestEndpoints.of(url());
    Dunning dunning = dunning(endpoints, "in_down");
    dunning.start();
    dunning.cancel();

    runUntil(loop(endpoints), START.plus(Duration.ofDays(3)).plusSeconds(1));

    assertThat(
            jdbc.queryForList(
                "SELECT state || ' ' || last_status FROM event_delivery ORDER BY sequence",
                String.class))
        .containsExactly("FAILED 503", "FAILED 503");
    Timestamp failedAt =
        jdbc.queryForObject(
            "SELECT failed_at FROM event_delivery WHERE sequence = 1", Timestamp.class);
    assertThat(failedAt.toInstant()).isEqualTo(START.plus(Duration.ofDays(3)));
    assertThat(
            jdbc.queryForObject(
                "SELECT attempts FROM event_delivery WHERE sequence = 1", Integer.class))
        .isBetween(70, 90); // 30 s doubling to an hour, then hourly for three days
  }

  @Test
  void
      givenAWorkerKilledWhileTheReceiverHoldsADelivery_whenItsLeaseRunsOut_itShouldGoAgainWithTheSameId()
          throws Exception {
    receiver.stubFor(
        post(urlEqualTo("/events"))
            .inScenario("held")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willSetStateTo("answering")
            .willReturn(aResponse().withStatus(200).withFixedDelay(60_000)));
    receiver.stubFor(
        post(urlEqualTo("/events"))
            .inScenario("held")
            .whenScenarioStateIs("answering")
            .willReturn(aResponse().withStatus(200)));
    EventEndpoints endpoints =
        TestEndpoints.of(Duration.ofSeconds(120), url(), List.of(TestEndpoints.SECRET));
    dunning(endpoints, "in_killed").start();
    EventDeliveryLoop killed = loop(endpoints);
    ExecutorService worker = Executors.newSingleThreadExecutor();
    worker.submit(
        () -> {
          killed.deliverDue();
          return null;
        });
    awaitRequests(1);
    worker.shutdownNow(); // the worker dies while the receiver holds its request
    killed.stop();
    assertThat(worker.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    EventDeliveryLoop next = loop(endpoints);
    int beforeLease = next.deliverDue();
    clock.skip(next.lease());
    int afterLease = next.deliverDue();

    assertThat(beforeLease).as("claimed by the dead worker until its lease runs out").isZero();
    assertThat(afterLease).isEqualTo(1);
    List<ServeEvent> arrived = inArrivalOrder();
    assertThat(arrived).hasSize(2);
    assertThat(arrived)
        .extracting(e -> read(e.getRequest().getBodyAsString()).get("id").asText())
        .containsOnly(jdbc.queryForObject("SELECT event_id FROM dunning_event", String.class));
    assertThat(deliveryState()).isEqualTo("DELIVERED 2 200");
  }

  private void receiverAnswers(int status) {
    receiver.resetMappings();
    receiver.stubFor(post(urlEqualTo("/events")).willReturn(aResponse().withStatus(status)));
  }

  private String url() {
    return "http://127.0.0.1:" + receiver.port() + "/events";
  }

  private EventDeliveryLoop loop(EventEndpoints endpoints) {
    return new EventDeliveryLoop(endpoints, new EventDeliveries(jdbc), clock);
  }

  /** Delivers what is due, skipping the clock to the next try, until {@code end}. */
  private void runUntil(EventDeliveryLoop loop, Instant end) throws InterruptedException {
    for (int round = 0; round < 10_000; round++) {
      loop.deliverDue();
      // The next try of the first pending event of each line: those behind it wait for it.
      Timestamp next =
          jdbc.queryForObject(
              "SELECT min(next_try_at) FROM event_delivery d WHERE state = 'PENDING' AND NOT EXISTS"
                  + " (SELECT 1 FROM event_delivery e WHERE e.dunning_id = d.dunning_id"
                  + " AND e.state = 'PENDING' AND e.sequence < d.sequence)",
              Timestamp.class);
      if (next == null || next.toInstant().isAfter(end)) {
        clock.set(end);
        loop.deliverDue();
        return;
      }
      if (next.toInstant().isAfter(clock.instant())) {
        clock.set(next.toInstant());
      }
    }
    throw new AssertionError("the deliveries did not settle by " + end);
  }

  private void awaitRequests(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (receiver.getAllServeEvents().size() < count && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(receiver.getAllServeEvents()).hasSizeGreaterThanOrEqualTo(count);
  }

  private ServeEvent single() {
    List<ServeEvent> all = receiver.getAllServeEvents();
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private List<ServeEvent> inArrivalOrder() {
    List<ServeEvent> all = new ArrayList<>(receiver.getAllServeEvents());
    java.util.Collections.reverse(all);
    return all;
  }

  private List<JsonNode> acceptedInArrivalOrder() {
    return inArrivalOrder().stream()
        .filter(e -> e.getResponse().getStatus() == 200)
        .map(e -> read(e.getRequest().getBodyAsString()))
        .toList();
  }

  private String deliveryState() {
    return jdbc.queryForObject(
        "SELECT state || ' ' || attempts || ' ' || last_status FROM event_delivery", String.class);
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Dunning dunning(EventEndpoints endpoints, String invoice) {
    return new Dunning(endpoints, invoice);
  }

  /** One dunning's record activities, with the outbox. */
  private final class Dunning {

    private final DunningRecords records;
    private final String dunningId;
    private final PaymentDetails payment;

    Dunning(EventEndpoints endpoints, String invoice) {
      this.records =
          new DunningRecords(
              new DunningTables(jdbc),
              policies(true),
              transaction(dataSource),
              new EventOutbox(jdbc, endpoints, clock));
      this.dunningId = "dunning-stripe-" + invoice;
      PaymentDetails fixture = payment();
      this.payment =
          new PaymentDetails(
              fixture.provider(),
              invoice,
              fixture.status(),
              fixture.amountDue(),
              fixture.currency(),
              fixture.attemptCount(),
              null,
              fixture.payUrl(),
              fixture.customer(),
              fixture.subscriptionId(),
              fixture.planId(),
              fixture.packageName(),
              fixture.paymentIntentId(),
              fixture.paymentMethodId(),
              fixture.failureCode(),
              fixture.declineCode(),
              false,
              fixture.metadata());
    }

    void start() {
      OpenDunning fixture = open(payment);
      records.openDunning(new OpenDunning(dunningId, fixture.request(), payment));
    }

    void pauseAndResume() {
      records.recordEvents(
          List.of(
              new DunningEvent(
                  dunningId,
                  dunningId + ":event:1",
                  LogEntry.of(START, LogTitle.PAUSED, "by alice until resumed"),
                  DunningStatus.PAUSED,
                  null),
              new DunningEvent(
                  dunningId,
                  dunningId + ":event:2",
                  LogEntry.of(START, LogTitle.RESUMED, "by alice"),
                  DunningStatus.ACTIVE,
                  null)));
    }

    void cancel() {
      records.closeDunning(
          new CloseDunning(
              dunningId,
              new DunningResult(DunningStatus.CANCELLED, "cancelled by alice", START, 2),
              LogEntry.of(START, LogTitle.CANCELLED, "cancelled by alice")));
    }
  }
}
