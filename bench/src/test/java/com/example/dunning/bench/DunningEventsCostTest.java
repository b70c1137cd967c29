package com.example.dunning.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.events.EventDeliveries;
import com.example.dunning.activities.events.EventDeliveryLoop;
import com.example.dunning.activities.events.EventEndpoint;
import com.example.dunning.activities.events.EventEndpoints;
import com.example.dunning.activities.events.EventOutbox;
import com.example.dunning.activities.packages.CustomerPackages;
import com.example.dunning.activities.record.DunningRecords;
import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.dev.EventReceiver;
import com.example.dunning.dev.FreePorts;
import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.PaymentDetails;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A whole default dunning with one event endpoint on costs what it costs with none: the events are
 * written by the record and package activities it runs anyway, in PostgreSQL, and delivered by the
 * worker's loop outside Temporal. Counted from its history, with the real record and package
 * activities on an embedded PostgreSQL and the dev stack's receiver checking each signature.
 */
class DunningEventsCostTest {

  private static final String SECRET = "whsec_cost_0123456789abcdef0123456789abcdef";

  @Test
  void givenOneEndpoint_whenADefaultDunningExpires_itShouldCostTheSameActionsAndEventsAsWithNone()
      throws Exception {
    int port = FreePorts.take(1)[0];
    EventReceiver receiver = new EventReceiver(port, SECRET);
    receiver.start();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      DataSource database = postgres.getPostgresDatabase();
      Flyway.configure().dataSource(database).load().migrate();
      JdbcTemplate jdbc = new JdbcTemplate(database);
      TransactionTemplate transaction =
          new TransactionTemplate(new DataSourceTransactionManager(database));
      EventEndpoints oneEndpoint =
          EventEndpoints.of(
              new EventEndpoint(
                  URI.create("http://127.0.0.1:" + port + "/events"), List.of(SECRET), Set.of()));
      EventOutbox outbox = new EventOutbox(jdbc, oneEndpoint);
      StandInActivities standIn = new StandInActivities(DefaultDunningCost.shippedSettings(false));

      HistoryCost withEvents =
          DefaultDunningCost.measure(
              false,
              new ProviderAndCustomer(standIn),
              new DunningRecords(
                  new DunningTables(jdbc),
                  DefaultDunningCost.shippedPolicies(false),
                  transaction,
                  outbox),
              new CustomerPackages(jdbc, transaction, List.of(), outbox));
      HistoryCost withNone = DefaultDunningCost.measure(false);
      new EventDeliveryLoop(oneEndpoint, new EventDeliveries(jdbc)).deliverDue();

      assertThat(withEvents.actions()).isEqualTo(withNone.actions()).isLessThanOrEqualTo(20);
      assertThat(withEvents.events()).isEqualTo(withNone.events()).isLessThanOrEqualTo(100);
      assertThat(receiver.signed())
          .extracting(arrival -> arrival.body().replaceAll(".*\"type\":\"([^\"]+)\".*", "$1"))
          .containsExactly("dunning.started", "dunning.package_expired", "dunning.expired");
      assertThat(receiver.arrivals()).allMatch(EventReceiver.Arrival::signed);
    } finally {
      receiver.stop();
    }
  }

  /** The stand-in's provider and notices; the record and package activities are the real ones. */
  private record ProviderAndCustomer(StandInActivities standIn)
      implements PaymentActivities, NotificationActivities {

    @Override
    public PaymentDetails fetchPayment(PaymentRef ref) {
      return standIn.fetchPayment(ref);
    }

    @Override
    public ChargeResult retryCharge(ChargeRequest request) {
      return standIn.retryCharge(request);
    }

    @Override
    public Delivery sendEmail(Notice notice) {
      return standIn.sendEmail(notice);
    }

    @Override
    public Delivery sendSms(Notice notice) {
      return standIn.sendSms(notice);
    }
  }
}
