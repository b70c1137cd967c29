package com.example.dunning.api.seed;

import com.example.dunning.activities.DunningFixtures;
import com.example.dunning.activities.packages.CustomerPackages;
import com.example.dunning.activities.payment.PaymentAttemptLedger;
import com.example.dunning.activities.record.DunningRecords;
import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.workflows.activities.DunningRecordActivities.CloseDunning;
import com.example.dunning.workflows.activities.DunningRecordActivities.OpenDunning;
import com.example.dunning.workflows.activities.PackageActivities.PackageChange;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.PaymentAttempt;
import com.example.dunning.workflows.model.PaymentDetails;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the dunning tables through the worker's own classes ({@code DunningRecords}, the payment
 * ledger, the package expiry), so the rows the API reads are the rows the worker writes.
 */
public final class SeedRows {

  private final JdbcTemplate jdbc;
  private final DunningTables tables;
  private final DunningRecords records;
  private final PaymentAttemptLedger charges;
  private final CustomerPackages packages;

  public SeedRows(DataSource dataSource) {
    jdbc = new JdbcTemplate(dataSource);
    tables = new DunningTables(jdbc);
    TransactionTemplate transaction = DunningFixtures.transaction(dataSource);
    records = new DunningRecords(tables, DunningFixtures.policies(true), transaction);
    charges = new PaymentAttemptLedger(tables, transaction);
    packages = new CustomerPackages(jdbc, transaction, List.of());
  }

  /**
   * A failed Stripe invoice of user {@code userId}, as Stripe and the customer's metadata give it.
   */
  public static PaymentDetails payment(String invoiceId, long userId) {
    return new PaymentDetails(
        "stripe",
        invoiceId,
        InvoiceStatus.OPEN,
        1999,
        "usd",
        1,
        null,
        "https://pay.example.com/" + invoiceId,
        new Customer("cus_1", "Ada Lovelace", "ada@example.com", "+4746567468", "Europe/Oslo"),
        "sub_1",
        "price_basic",
        "Pro Package",
        "pi_" + invoiceId,
        "pm_1",
        "card_declined",
        "insufficient_funds",
        false,
        Map.of(
            "user_id",
            String.valueOf(userId),
            "package_id",
            "7",
            "artist_name",
            "The Artist",
            "profile_url",
            "https://example.com/artist/" + userId));
  }

  /** A failed invoice of another provider, otherwise as {@link #payment(String, long)}. */
  public static PaymentDetails payment(String provider, String invoiceId, String subscriptionId) {
    PaymentDetails stripe = payment(invoiceId, 1);
    return new PaymentDetails(
        provider,
        invoiceId,
        stripe.status(),
        stripe.amountDue(),
        stripe.currency(),
        stripe.attemptCount(),
        null,
        stripe.payUrl(),
        stripe.customer(),
        subscriptionId,
        null,
        stripe.packageName(),
        null,
        null,
        stripe.failureCode(),
        null,
        false,
        Map.of());
  }

  public static String dunningId(PaymentDetails payment) {
    return "dunning-" + payment.provider() + "-" + payment.invoiceId();
  }

  /** The workflow's first record: the failed invoice, its failed charge, PAYMENT FAILED. */
  public String open(PaymentDetails payment, Instant failedAt) {
    String dunningId = dunningId(payment);
    records.openDunning(
        new OpenDunning(
            dunningId,
            new DunningRequest(
                payment.provider(),
                payment.invoiceId(),
                payment.customer().id(),
                payment.customer().email(),
                payment.amountDue(),
                payment.currency(),
                payment.attemptCount(),
                failedAt),
            payment));
    return dunningId;
  }

  /** An event of the workflow's log, with the status it leaves (null: unchanged). */
  public void event(String dunningId, String key, LogEntry entry, DunningStatus status) {
    records.recordEvent(new DunningEvent(dunningId, dunningId + ":" + key, entry, status, null));
  }

  /** A log line as a notice or the workflow writes it, without a status change. */
  public void log(String dunningId, String key, LogEntry entry) {
    tables.insertLog(dunningId + ":" + key, dunningId, entry);
  }

  /** A charge the dunning retried, as the payment activity records it. */
  public void charge(String dunningId, String key, PaymentAttempt attempt) {
    charges.record(dunningId, dunningId + ":" + key, "stripe", attempt, null);
  }

  public void expirePackage(String dunningId, PaymentDetails payment) {
    packages.expirePackage(new PackageChange(dunningId, payment, false));
  }

  public void close(String dunningId, DunningResult result, LogEntry entry) {
    records.closeDunning(new CloseDunning(dunningId, result, entry));
  }

  /** For the few columns the worker stamps with the clock, which a sample needs fixed. */
  public JdbcTemplate jdbc() {
    return jdbc;
  }
}
