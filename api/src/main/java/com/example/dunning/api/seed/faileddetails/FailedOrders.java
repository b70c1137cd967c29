package com.example.dunning.api.seed.faileddetails;

import com.example.dunning.api.seed.EffectiveStatus;
import com.example.dunning.workflows.model.LogTitle;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds a failed order, that is a failed invoice in dunning, by its {@code orderUuid}: the dunning
 * id ({@code dunning-stripe-in_…}) or the invoice id at the provider ({@code in_…}). The dunning id
 * wins; an invoice id that two providers share gives the latest failure.
 */
@Repository
class FailedOrders {

  /** The row of {@code failed_invoice} the details are made of. */
  record Invoice(
      String dunningId,
      String subscriptionId,
      Instant createdAt,
      Instant failedAt,
      String customerName,
      String customerEmail,
      String phoneNumber,
      long amountDue,
      String currency,
      String status,
      String packageName,
      String planId) {}

  /** A row of {@code dunning_log}, whose title is always a {@link LogTitle} (migration V7). */
  record Step(
      LogTitle title,
      Instant loggedAt,
      String note,
      String status,
      String sentTo,
      String paymentMethod,
      BigDecimal refundAmount) {}

  private final JdbcClient jdbc;

  FailedOrders(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Invoice> find(String orderUuid) {
    return jdbc.sql(
            """
            SELECT dunning_id, subscription_id, created_at, failed_at, customer_name, customer_email,
                phone_number, amount_due, currency, package_name, plan_id, %s AS status
            FROM failed_invoice
            WHERE dunning_id = :id OR invoice_id = :id
            ORDER BY (dunning_id = :id) DESC, failed_at DESC, id DESC
            LIMIT 1
            """
                .formatted(EffectiveStatus.SQL))
        .param("id", orderUuid)
        .query(
            (row, n) ->
                new Invoice(
                    row.getString("dunning_id"),
                    row.getString("subscription_id"),
                    instant(row, "created_at"),
                    instant(row, "failed_at"),
                    row.getString("customer_name"),
                    row.getString("customer_email"),
                    row.getString("phone_number"),
                    row.getLong("amount_due"),
                    row.getString("currency"),
                    row.getString("status"),
                    row.getString("package_name"),
                    row.getString("plan_id")))
        .optional();
  }

  /** The dunning's steps, newest first, as the seed's example lists them. */
  List<Step> steps(String dunningId) {
    return jdbc.sql(
            """
            SELECT title, logged_at, note, status, sent_to, payment_method, refund_amount
            FROM dunning_log WHERE dunning_id = ? ORDER BY logged_at DESC, id DESC
            """)
        .param(dunningId)
        .query(
            (row, n) ->
                new Step(
                    LogTitle.of(row.getString("title")),
                    instant(row, "logged_at"),
                    row.getString("note"),
                    row.getString("status"),
                    row.getString("sent_to"),
                    row.getString("payment_method"),
                    row.getBigDecimal("refund_amount")))
        .list();
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
