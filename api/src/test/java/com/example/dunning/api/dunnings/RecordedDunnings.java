package com.example.dunning.api.dunnings;

import com.example.dunning.activities.DunningFixtures;
import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.record.DunningRecords;
import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.workflows.activities.DunningRecordActivities.CloseDunning;
import com.example.dunning.workflows.activities.DunningRecordActivities.OpenDunning;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentDetails;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Dunning records written by the worker's own record activities, as a dunning's workflow writes
 * them, without running one: for the reads that need many dunnings in known states.
 */
public final class RecordedDunnings {

  private final DunningTables tables =
      new DunningTables(new JdbcTemplate(TestPostgres.dataSource()));

  private final DunningRecords records =
      new DunningRecords(
          tables,
          DunningFixtures.policies(false),
          DunningFixtures.transaction(TestPostgres.dataSource()));

  /** Opens the dunning of a Stripe invoice; returns its dunning id. */
  public String open(
      String invoiceId, String customerId, long amount, String currency, Instant failedAt) {
    String dunningId = DunningIds.workflowId("stripe", invoiceId);
    Customer customer = new Customer(customerId, null, customerId + "@example.com", null, null);
    PaymentDetails payment =
        new PaymentDetails(
            "stripe",
            invoiceId,
            InvoiceStatus.OPEN,
            amount,
            currency,
            1,
            null,
            null,
            customer,
            "sub_1",
            "price_basic",
            null,
            "pi_" + invoiceId,
            "pm_1",
            "card_declined",
            null,
            false,
            Map.of());
    DunningRequest request =
        new DunningRequest(
            "stripe", invoiceId, customerId, customer.email(), amount, currency, 1, failedAt);
    records.openDunning(new OpenDunning(dunningId, request, payment));
    return dunningId;
  }

  public void pause(String dunningId, Instant at) {
    records.recordEvent(
        new DunningEvent(
            dunningId,
            dunningId + ":event:1",
            LogEntry.of(at, LogTitle.PAUSED, "by test until resumed"),
            DunningStatus.PAUSED,
            null));
  }

  public void close(String dunningId, DunningStatus outcome, Instant endedAt) {
    close(dunningId, outcome, endedAt, "test");
  }

  public void close(String dunningId, DunningStatus outcome, Instant endedAt, String reason) {
    records.closeDunning(
        new CloseDunning(dunningId, new DunningResult(outcome, reason, endedAt, 1), null));
  }

  /**
   * A notice of the dunning logged as the notification activity logs it, under its key {@code
   * <dunning id>:<key>:<channel>}: a step's name as {@code key} for the notices of the schedule.
   */
  public void notice(String dunningId, String key, String channel, Instant at, String sentTo) {
    tables.insertLog(
        dunningId + ":" + key + ":" + channel,
        dunningId,
        new LogEntry(
            at,
            LogTitle.valueOf(channel.toUpperCase(Locale.ROOT) + "_SENT"),
            "notice " + key,
            EntryStatus.SUCCESS,
            sentTo,
            null));
  }
}
