package com.example.dunning.api.seed.invoicepayments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One charge of an invoice as seed 003's {@code subscription_invoice_payment}, from a row of {@code
 * payment_attempt}. Optional members the row does not have are left out.
 */
@JsonPropertyOrder({"id", "type", "attributes", "meta"})
record SubscriptionInvoicePayment(String id, String type, Attributes attributes, Meta meta) {

  static final String TYPE = "subscription_invoice_payment";

  @JsonPropertyOrder({
    "success",
    "pending",
    "gateway",
    "external_payment_id",
    "failure_detail",
    "amount"
  })
  record Attributes(
      boolean success,
      boolean pending,
      String gateway,
      @JsonProperty("external_payment_id") @JsonInclude(JsonInclude.Include.NON_NULL)
          String externalPaymentId,
      @JsonProperty("failure_detail") @JsonInclude(JsonInclude.Include.NON_NULL)
          FailureDetail failureDetail,
      Amount amount) {}

  record FailureDetail(String reason) {}

  /**
   * @param amount in the currency's smallest unit
   * @param currency upper case
   */
  @JsonPropertyOrder({"currency", "amount", "includes_tax"})
  record Amount(String currency, long amount, @JsonProperty("includes_tax") boolean includesTax) {}

  @JsonPropertyOrder({
    "owner",
    "subscription_id",
    "invoice_id",
    "job_id",
    "timestamps",
    "manual_payment"
  })
  record Meta(
      String owner,
      @JsonProperty("subscription_id") String subscriptionId,
      @JsonProperty("invoice_id") String invoiceId,
      @JsonProperty("job_id") String jobId,
      Timestamps timestamps,
      @JsonProperty("manual_payment") boolean manualPayment) {

    /** Every payment here belongs to the store that runs the dunning. */
    static final String OWNER = "store";
  }

  @JsonPropertyOrder({"updated_at", "created_at", "payment_taken_at"})
  record Timestamps(
      @JsonProperty("updated_at") String updatedAt,
      @JsonProperty("created_at") String createdAt,
      @JsonProperty("payment_taken_at") @JsonInclude(JsonInclude.Include.NON_NULL)
          String paymentTakenAt) {}
}
