package com.example.dunning.api.seed.paymentfailed;

import com.example.dunning.api.seed.EffectiveStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a user's failed invoices from {@code failed_invoice}, newest failure first, with their
 * {@link EffectiveStatus}.
 */
@Repository
class FailedPayments {

  private static final String SELECT =
      """
      SELECT id, invoice_id, payment_intent_id, payment_method_id, amount_due, customer_id,
          customer_email, subscription_id, user_id, failed_at, attempt_count, artist_name,
          package_id, package_expiry_date, phone_number, profile_url, %s AS status
      FROM failed_invoice
      """
          .formatted(EffectiveStatus.SQL);

  private final JdbcClient jdbc;

  FailedPayments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<PaymentIntentFailed> of(long userId, StatusId statusId) {
    if (statusId.status() == null) {
      return jdbc.sql(SELECT + " WHERE user_id = ? ORDER BY failed_at DESC, id DESC")
          .param(userId)
          .query(FailedPayments::row)
          .list();
    }
    return jdbc.sql(
            SELECT
                + " WHERE user_id = ? AND "
                + EffectiveStatus.SQL
                + " = ? ORDER BY failed_at DESC, id DESC")
        .param(userId)
        .param(statusId.status().name())
        .query(FailedPayments::row)
        .list();
  }

  private static PaymentIntentFailed row(ResultSet row, int number) throws SQLException {
    return new PaymentIntentFailed(
        row.getLong("id"),
        row.getString("invoice_id"),
        row.getString("payment_intent_id"),
        row.getString("payment_method_id"),
        row.getLong("amount_due"),
        row.getString("customer_id"),
        row.getString("customer_email"),
        row.getString("subscription_id"),
        row.getObject("user_id", Long.class),
        DotNetTime.format(instant(row, "failed_at")),
        row.getInt("attempt_count"),
        StatusId.codeOf(row.getString("status")),
        row.getString("artist_name"),
        row.getObject("package_id", Long.class),
        DotNetTime.format(instant(row, "package_expiry_date")),
        row.getString("phone_number"),
        row.getString("profile_url"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
