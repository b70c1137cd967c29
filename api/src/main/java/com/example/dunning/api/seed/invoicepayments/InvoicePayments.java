package com.example.dunning.api.seed.invoicepayments;

import com.example.dunning.api.seed.invoicepayments.SubscriptionInvoicePayment.Amount;
import com.example.dunning.api.seed.invoicepayments.SubscriptionInvoicePayment.Attributes;
import com.example.dunning.api.seed.invoicepayments.SubscriptionInvoicePayment.FailureDetail;
import com.example.dunning.api.seed.invoicepayments.SubscriptionInvoicePayment.Meta;
import com.example.dunning.api.seed.invoicepayments.SubscriptionInvoicePayment.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the charges of a failed invoice from {@code payment_attempt}. The invoice is named by its
 * id at the provider ({@code in_…}) or by its dunning id ({@code dunning-stripe-in_…}); the
 * subscription by its id at the provider ({@code sub_…}), or {@code -} for any (an invoice without
 * a subscription has none). An Elastic Path dunning, whose invoice id joins the subscription's and
 * the invoice's uuids ({@code <subscription_uuid>_<invoice_uuid>[_<payment_uuid>]}), also answers
 * at those two uuids, as Elastic Path itself does, and names them in its meta.
 */
@Repository
class InvoicePayments {

  /** Any subscription: the invoice id alone finds the invoice. */
  static final String ANY_SUBSCRIPTION = "-";

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

  /** The provider whose invoice ids carry the subscription's and the invoice's uuids. */
  static final String ELASTIC_PATH = "elasticpath";

  private static final String INVOICE =
      """
      (
        ((f.invoice_id = :invoice OR f.dunning_id = :invoice)
          AND (CAST(:subscription AS TEXT) = '-' OR f.subscription_id = :subscription))
        OR (f.provider = '%s'
          AND split_part(f.invoice_id, '_', 2) = :invoice
          AND (CAST(:subscription AS TEXT) = '-' OR split_part(f.invoice_id, '_', 1) = :subscription))
      )
      """
          .formatted(ELASTIC_PATH);

  private static final String SELECT =
      """
      SELECT p.id, p.success, p.pending, p.gateway, p.external_payment_id, p.failure_reason,
          p.amount, p.currency, p.includes_tax, p.manual_payment, p.job_id, p.payment_taken_at,
          p.created_at, p.updated_at, f.provider, f.subscription_id, f.invoice_id
      FROM payment_attempt p JOIN failed_invoice f ON f.dunning_id = p.dunning_id
      WHERE
      """
          + INVOICE;

  private final JdbcClient jdbc;

  InvoicePayments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean invoiceExists(String subscription, String invoice) {
    return jdbc.sql("SELECT count(*) FROM failed_invoice f WHERE " + INVOICE)
            .param("invoice", invoice)
            .param("subscription", subscription)
            .query(Long.class)
            .single()
        > 0;
  }

  long count(String subscription, String invoice) {
    return jdbc.sql(
            "SELECT count(*) FROM payment_attempt p JOIN failed_invoice f"
                + " ON f.dunning_id = p.dunning_id WHERE "
                + INVOICE)
        .param("invoice", invoice)
        .param("subscription", subscription)
        .query(Long.class)
        .single();
  }

  /** The charges in the order they were made: the first failure, the retries, the success. */
  List<SubscriptionInvoicePayment> page(
      String subscription, String invoice, long offset, long limit) {
    return jdbc.sql(SELECT + " ORDER BY p.created_at, p.number, p.id LIMIT :limit OFFSET :offset")
        .param("invoice", invoice)
        .param("subscription", subscription)
        .param("limit", limit)
        .param("offset", offset)
        .query(InvoicePayments::row)
        .list();
  }

  Optional<SubscriptionInvoicePayment> one(String subscription, String invoice, UUID payment) {
    return jdbc.sql(SELECT + " AND p.id = :payment")
        .param("invoice", invoice)
        .param("subscription", subscription)
        .param("payment", payment)
        .query(InvoicePayments::row)
        .optional();
  }

  private static SubscriptionInvoicePayment row(ResultSet row, int number) throws SQLException {
    String reason = row.getString("failure_reason");
    String[] uuids = row.getString("invoice_id").split("_");
    boolean elasticPath = ELASTIC_PATH.equals(row.getString("provider")) && uuids.length >= 2;
    return new SubscriptionInvoicePayment(
        row.getObject("id", UUID.class).toString(),
        SubscriptionInvoicePayment.TYPE,
        new Attributes(
            row.getBoolean("success"),
            row.getBoolean("pending"),
            row.getString("gateway"),
            row.getString("external_payment_id"),
            reason == null ? null : new FailureDetail(reason),
            new Amount(
                row.getString("currency").toUpperCase(Locale.ROOT),
                row.getLong("amount"),
                row.getBoolean("includes_tax"))),
        new Meta(
            Meta.OWNER,
            elasticPath ? uuids[0] : row.getString("subscription_id"),
            elasticPath ? uuids[1] : row.getString("invoice_id"),
            row.getObject("job_id", UUID.class).toString(),
            new Timestamps(
                timestamp(row, "updated_at"),
                timestamp(row, "created_at"),
                timestamp(row, "payment_taken_at")),
            row.getBoolean("manual_payment")));
  }

  /** As Elastic Path writes them: UTC, microseconds, {@code 2017-01-10T11:41:19.244842Z}. */
  private static String timestamp(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : TIMESTAMP.format(value.withOffsetSameInstant(ZoneOffset.UTC));
  }
}
