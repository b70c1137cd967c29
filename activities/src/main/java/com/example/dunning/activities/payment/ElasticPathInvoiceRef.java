package com.example.dunning.activities.payment;

import java.util.UUID;

/**
 * How a dunning names an Elastic Path invoice: {@code <subscription_uuid>_<invoice_uuid>}, or
 * {@code <subscription_uuid>_<invoice_uuid>_<payment_uuid>} when the intake knows the payment that
 * failed. Elastic Path's invoice payments live under their subscription, so the invoice uuid alone
 * does not reach them; {@code _} joins them because it is not in a uuid and is allowed in a
 * workflow id ({@code DunningIds}), where {@code /} is not.
 *
 * @param paymentUuid null when not named
 */
record ElasticPathInvoiceRef(String subscriptionUuid, String invoiceUuid, String paymentUuid) {

  /** Null when the id does not follow the convention. */
  static ElasticPathInvoiceRef parse(String invoiceId) {
    if (invoiceId == null) {
      return null;
    }
    String[] parts = invoiceId.strip().split("_", -1);
    if (parts.length < 2 || parts.length > 3) {
      return null;
    }
    for (String part : parts) {
      if (!isUuid(part)) {
        return null;
      }
    }
    return new ElasticPathInvoiceRef(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
  }

  private static boolean isUuid(String value) {
    try {
      return UUID.fromString(value).toString().equalsIgnoreCase(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
