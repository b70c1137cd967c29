package com.example.dunning.activities.conversation;

import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The customer's invoices still in dunning, as table {@code failed_invoice} has them. */
final class OpenInvoices {

  /** A dunning still open, and its invoice as the table recorded it when the dunning opened. */
  record OpenInvoice(String dunningId, PaymentDetails payment) {}

  private final JdbcTemplate jdbc;

  OpenInvoices(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The open dunnings of a provider's customer, plus those of {@code dunningIds} that are open
   * whoever their customer is; each once, earliest failure first, then by dunning id.
   */
  List<OpenInvoice> of(String provider, String customerId, Collection<String> dunningIds) {
    return jdbc.query(
        "SELECT dunning_id, provider, invoice_id, amount_due, currency, attempt_count, pay_url,"
            + " customer_id, customer_name, customer_email, phone_number, time_zone,"
            + " subscription_id, plan_id, package_name, payment_intent_id, payment_method_id"
            + " FROM failed_invoice WHERE status IN (?, ?)"
            + " AND ((provider = ? AND customer_id = ?) OR dunning_id = ANY (?))"
            + " ORDER BY failed_at, dunning_id",
        (row, n) -> new OpenInvoice(row.getString("dunning_id"), payment(row)),
        // Open: the dunning still chases the invoice, whether running or paused.
        DunningStatus.ACTIVE.name(),
        DunningStatus.PAUSED.name(),
        provider,
        customerId,
        dunningIds.toArray(String[]::new));
  }

  private static PaymentDetails payment(ResultSet row) throws SQLException {
    return new PaymentDetails(
        row.getString("provider"),
        row.getString("invoice_id"),
        InvoiceStatus.OPEN,
        row.getLong("amount_due"),
        row.getString("currency"),
        row.getInt("attempt_count"),
        null,
        row.getString("pay_url"),
        new Customer(
            row.getString("customer_id"),
            row.getString("customer_name"),
            row.getString("customer_email"),
            row.getString("phone_number"),
            row.getString("time_zone")),
        row.getString("subscription_id"),
        row.getString("plan_id"),
        row.getString("package_name"),
        row.getString("payment_intent_id"),
        row.getString("payment_method_id"),
        null,
        null,
        false,
        Map.of());
  }
}
