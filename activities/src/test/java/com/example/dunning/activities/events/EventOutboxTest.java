package com.example.dunning.activities.events;

import static com.example.dunning.activities.DunningFixtures.DUNNING_ID;
import static com.example.dunning.activities.DunningFixtures.FAILED_AT;
import static com.example.dunning.activities.DunningFixtures.open;
import static com.example.dunning.activities.DunningFixtures.payment;
import static com.example.dunning.activities.DunningFixtures.policies;
import static com.example.dunning.activities.DunningFixtures.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.packages.CustomerPackages;
import com.example.dunning.activities.payment.PaymentAttemptLedger;
import com.example.dunning.activities.record.DunningRecords;
import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.workflows.activities.DunningRecordActivities.CloseDunning;
import com.example.dunning.workflows.activities.PackageActivities.PackageChange;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentAttempt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox: each recorded step writes its event once, in the step's own transaction. */
class EventOutboxTest {

  private static final String RECEIVER = "https://receiver.example.com/events";
  private static final Instant AT = Instant.parse("2025-03-04T09:00:00Z");

  private final ObjectMapper json = new ObjectMapper();
  private JdbcTemplate jdbc;
  private DataSource dataSource;

  @BeforeEach
  void setUp() {
    TestPostgres.truncateAll();
    dataSource = TestPostgres.dataSource();
    jdbc = new JdbcTemplate(dataSource);
  }

  @Test
  void givenOneEndpoint_whenEveryKindOfStepIsRecordedTwice_itShouldWriteEachEventOnceInOrder()
      throws Exception {
    Steps steps = new Steps(TestEndpoints.of(RECEIVER));

    steps.runAll();
    steps.runAll(); // every activity retried: nothing new

    assertThat(jdbc.queryForList("SELECT type FROM dunning_event ORDER BY sequence", String.class))
        .containsExactly(
            "dunning.started",
            "dunning.paused",
            "dunning.resumed",
            "dunning.charge_retried",
            "dunning.package_expired",
            "dunning.package_restored",
            "dunning.recovered");
    assertThat(
            jdbc.queryForList(
                "SELECT sequence FROM dunning_event ORDER BY sequence", Integer.class))
        .containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(
            jdbc.queryForList(
                "SELECT endpoint || ' ' || state FROM event_delivery ORDER BY sequence",
                String.class))
        .hasSize(7)
        .allMatch(row -> row.equals(RECEIVER + " PENDING"));
  }

  @Test
  void givenOneEndpoint_whenTheDunningStarts_itShouldWriteTheEnvelopeWithAStableIdFromTheStepKey()
      throws Exception {
    new Steps(TestEndpoints.of(RECEIVER)).records.openDunning(open(payment()));

    JsonNode body =
        json.readTree(jdbc.queryForObject("SELECT body FROM dunning_event", String.class));
    assertThat(body.get("id").asText())
        .isEqualTo(EventOutbox.eventId(DUNNING_ID + ":opened", EventType.STARTED))
        .startsWith("evt_");
    assertThat(body.get("type").asText()).isEqualTo("dunning.started");
    assertThat(body.get("created").asText()).isEqualTo(FAILED_AT.toString());
    assertThat(body.get("sequence").asInt()).isEqualTo(1);
    assertThat(body.get("dunningId").asText()).isEqualTo(DUNNING_ID);
    assertThat(body.get("provider").asText()).isEqualTo("stripe");
    assertThat(body.get("invoiceId").asText()).isEqualTo("in_1");
    assertThat(body.get("customerId").asText()).isEqualTo("cus_1");
    assertThat(body.get("data").get("amountDue").asLong()).isEqualTo(1999);
    assertThat(body.get("data").get("declineCode").asText()).isEqualTo("insufficient_funds");
    assertThat(body.get("data").get("policyVersion").asText()).isEqualTo("default-v1");
  }

  @Test
  void givenAnEndpointForPackageEventsOnly_whenEveryStepIsRecorded_itShouldWriteOnlyThose()
      throws Exception {
    Steps steps =
        new Steps(
            TestEndpoints.of(RECEIVER, "dunning.package_expired", "dunning.package_restored"));

    steps.runAll();

    List<JsonNode> bodies =
        jdbc.queryForList("SELECT body FROM dunning_event ORDER BY sequence", String.class).stream()
            .map(this::read)
            .toList();
    assertThat(bodies)
        .extracting(b -> b.get("type").asText())
        .containsExactly("dunning.package_expired", "dunning.package_restored");
    assertThat(bodies).extracting(b -> b.get("sequence").asInt()).containsExactly(1, 2);
    JsonNode expired = bodies.get(0).get("data");
    assertThat(expired.get("subscriptionId").asText()).isEqualTo("sub_1");
    assertThat(expired.get("userId").asText()).isEqualTo("42");
    assertThat(expired.get("packageId").asText()).isEqualTo("7");
    assertThat(expired.get("subscriptionCancelled").asBoolean()).isFalse();
  }

  @Test
  void givenNoEndpoint_whenEveryStepIsRecorded_itShouldWriteNoEvent() {
    new Steps(EventEndpoints.none()).runAll();

    assertThat(jdbc.queryForObject("SELECT count(*) FROM dunning_event", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM event_delivery", Integer.class)).isZero();
  }

  @Test
  void givenTwoEndpoints_whenTheDunningStarts_itShouldWriteOneEventAndADeliveryForEach() {
    new Steps(TestEndpoints.two(RECEIVER, "https://crm.example.com/hook"))
        .records.openDunning(open(payment()));

    assertThat(jdbc.queryForObject("SELECT count(*) FROM dunning_event", Integer.class))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForList(
                "SELECT endpoint FROM event_delivery ORDER BY endpoint", String.class))
        .containsExactly("https://crm.example.com/hook", RECEIVER);
  }

  @Test
  void givenADunningThatWasNeverOpened_whenItCloses_itShouldWriteNoEvent() {
    Steps steps = new Steps(TestEndpoints.of(RECEIVER));

    steps.records.closeDunning(
        new CloseDunning(
            DUNNING_ID,
            new DunningResult(DunningStatus.CANCELLED, "invoice in_1 not found at stripe", AT, 1),
            LogEntry.of(AT, LogTitle.CANCELLED, "invoice in_1 not found at stripe")));

    assertThat(jdbc.queryForObject("SELECT count(*) FROM dunning_event", Integer.class)).isZero();
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The record activities of one dunning's steps, with the outbox of {@code endpoints}. */
  private final class Steps {

    final DunningRecords records;
    final PaymentAttemptLedger charges;
    final CustomerPackages packages;

    Steps(EventEndpoints endpoints) {
      EventOutbox outbox = new EventOutbox(jdbc, endpoints);
      records =
          new DunningRecords(
              new DunningTables(jdbc), policies(true), transaction(dataSource), outbox);
      charges = new PaymentAttemptLedger(new DunningTables(jdbc), transaction(dataSource), outbox);
      packages = new CustomerPackages(jdbc, transaction(dataSource), List.of(), outbox);
    }

    void runAll() {
      records.openDunning(open(payment()));
      records.recordEvents(
          List.of(
              new DunningEvent(
                  DUNNING_ID,
                  DUNNING_ID + ":event:1",
                  LogEntry.of(AT, LogTitle.PAUSED, "by alice until resumed"),
                  DunningStatus.PAUSED,
                  null),
              new DunningEvent(
                  DUNNING_ID,
                  DUNNING_ID + ":event:2",
                  LogEntry.of(AT.plusSeconds(60), LogTitle.RESUMED, "by alice"),
                  DunningStatus.ACTIVE,
                  null)));
      charges.record(
          DUNNING_ID,
          DUNNING_ID + ":charge:3",
          "stripe",
          new PaymentAttempt(
              3, false, "pi_1", "card_declined / insufficient_funds", 1999, "usd", AT),
          "insufficient_funds");
      packages.expirePackage(new PackageChange(DUNNING_ID, payment(), false));
      packages.restorePackage(new PackageChange(DUNNING_ID, payment(), false));
      records.closeDunning(
          new CloseDunning(
              DUNNING_ID,
              new DunningResult(DunningStatus.RECOVERED, "paid after expiry", AT, 3),
              LogEntry.of(AT, LogTitle.PAID, "paid after expiry")));
    }
  }
}
