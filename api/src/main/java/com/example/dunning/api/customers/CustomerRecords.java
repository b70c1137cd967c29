package com.example.dunning.api.customers;

import com.example.dunning.api.customers.CustomerView.CustomerDunning;
import com.example.dunning.api.customers.CustomerView.CustomerNotice;
import com.example.dunning.workflows.model.DunningStatus;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a customer's dunnings and the notices they were sent from the worker's records. */
@Repository
class CustomerRecords {

  private final JdbcClient jdbc;

  CustomerRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether any dunning of the provider is recorded. */
  boolean knowsProvider(String provider) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM failed_invoice WHERE provider = :provider)")
        .param("provider", provider)
        .query(Boolean.class)
        .single();
  }

  /** Newest failure first. */
  List<CustomerDunning> dunnings(String provider, String customerId) {
    return jdbc.sql(
            "SELECT dunning_id, invoice_id, package_name, amount_due, currency, status, failed_at,"
                + " ended_at FROM failed_invoice WHERE provider = :provider"
                + " AND customer_id = :customer ORDER BY failed_at DESC, id DESC")
        .param("provider", provider)
        .param("customer", customerId)
        .query(
            (row, n) -> {
              Timestamp ended = row.getTimestamp("ended_at");
              return new CustomerDunning(
                  row.getString("dunning_id"),
                  row.getString("invoice_id"),
                  row.getString("package_name"),
                  row.getLong("amount_due"),
                  row.getString("currency"),
                  DunningStatus.valueOf(row.getString("status")),
                  row.getTimestamp("failed_at").toInstant(),
                  ended == null ? null : ended.toInstant());
            })
        .list();
  }

  /** Every notice sent by any of the customer's dunnings, oldest first. */
  List<CustomerNotice> sentNotices(String provider, String customerId) {
    return jdbc.sql(
            "SELECT n.dunning_id, n.notice_key, n.channel, n.kind, n.recipient, n.sent_at,"
                + " n.subject FROM notification n"
                + " JOIN failed_invoice f ON f.dunning_id = n.dunning_id"
                + " WHERE f.provider = :provider AND f.customer_id = :customer"
                + " AND n.state = 'SENT' ORDER BY n.sent_at, n.notice_key")
        .param("provider", provider)
        .param("customer", customerId)
        .query(
            (row, n) ->
                new CustomerNotice(
                    row.getString("dunning_id"),
                    row.getString("notice_key"),
                    row.getString("channel"),
                    row.getString("kind"),
                    row.getString("recipient"),
                    row.getTimestamp("sent_at").toInstant(),
                    row.getString("subject")))
        .list();
  }
}
