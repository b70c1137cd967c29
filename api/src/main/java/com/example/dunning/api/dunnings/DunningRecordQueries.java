package com.example.dunning.api.dunnings;

import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the dunning records the worker writes; the worker owns the schema. */
@Repository
public class DunningRecordQueries {

  private static final String COLUMNS =
      """
      dunning_id, provider, invoice_id, customer_id, customer_email, amount_due, currency, status,
      attempt_count, policy_version, failed_at, ended_at, outcome_reason
      """;

  private final JdbcClient jdbc;

  DunningRecordQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<DunningSummary> byDunningId(String dunningId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM failed_invoice WHERE dunning_id = :id")
        .param("id", dunningId)
        .query(DunningRecordQueries::summary)
        .optional();
  }

  /** An invoice id may be known at more than one provider. */
  List<DunningSummary> byInvoiceId(String invoiceId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM failed_invoice WHERE invoice_id = :id ORDER BY provider")
        .param("id", invoiceId)
        .query(DunningRecordQueries::summary)
        .list();
  }

  public DunningPage list(DunningFilter filter, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE TRUE");
    if (!filter.statuses().isEmpty()) {
      where.append(" AND status IN (:statuses)");
    }
    if (filter.provider() != null) {
      where.append(" AND provider = :provider");
    }
    if (filter.customer() != null) {
      where.append(" AND (customer_id = :customer OR lower(customer_email) = lower(:customer))");
    }
    if (filter.from() != null) {
      where.append(" AND failed_at >= :from");
    }
    if (filter.to() != null) {
      where.append(" AND failed_at < :to");
    }
    long total =
        bind(jdbc.sql("SELECT count(*) FROM failed_invoice" + where), filter)
            .query(Long.class)
            .single();
    List<DunningSummary> items =
        bind(
                jdbc.sql(
                    "SELECT "
                        + COLUMNS
                        + " FROM failed_invoice"
                        + where
                        + " ORDER BY failed_at DESC, id DESC LIMIT :limit OFFSET :offset"),
                filter)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(DunningRecordQueries::summary)
            .list();
    return new DunningPage(items, page, size, total);
  }

  /**
   * The recorded steps of a dunning, oldest first. The database holds only the enums' words (its
   * checks, migration V7), so a row always reads back as a {@link LogTitle} and {@link
   * EntryStatus}.
   */
  public List<LogEntry> log(String dunningId) {
    return jdbc.sql(
            """
            SELECT logged_at, title, note, status, sent_to, payment_method FROM dunning_log
            WHERE dunning_id = :id ORDER BY logged_at, id
            """)
        .param("id", dunningId)
        .query(
            (row, n) ->
                new LogEntry(
                    instant(row, "logged_at"),
                    LogTitle.of(row.getString("title")),
                    row.getString("note"),
                    EntryStatus.valueOf(row.getString("status")),
                    row.getString("sent_to"),
                    row.getString("payment_method")))
        .list();
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec statement, DunningFilter filter) {
    if (!filter.statuses().isEmpty()) {
      statement = statement.param("statuses", filter.statuses().stream().map(Enum::name).toList());
    }
    if (filter.provider() != null) {
      statement = statement.param("provider", filter.provider());
    }
    if (filter.customer() != null) {
      statement = statement.param("customer", filter.customer());
    }
    if (filter.from() != null) {
      statement = statement.param("from", Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      statement = statement.param("to", Timestamp.from(filter.to()));
    }
    return statement;
  }

  private static DunningSummary summary(ResultSet row, int n) throws SQLException {
    return new DunningSummary(
        row.getString("dunning_id"),
        row.getString("provider"),
        row.getString("invoice_id"),
        row.getString("customer_id"),
        row.getString("customer_email"),
        row.getLong("amount_due"),
        row.getString("currency"),
        DunningStatus.valueOf(row.getString("status")),
        row.getInt("attempt_count"),
        row.getString("policy_version"),
        instant(row, "failed_at"),
        instant(row, "ended_at"),
        row.getString("outcome_reason"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp at = row.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
