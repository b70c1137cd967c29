package com.example.dunning.api.seed.faileddetails;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;

/**
 * Seed 004's documents: the failed order with its logs and details, and the errors, in
 * Frontpayment's envelope ({@code status_code}, {@code status_message}, {@code message}, {@code
 * is_data}, {@code data}).
 */
final class FailedOrder {

  private FailedOrder() {}

  @JsonPropertyOrder({"status_code", "status_message", "message", "is_data", "data"})
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Envelope(
      @JsonProperty("status_code") int statusCode,
      @JsonProperty("status_message") String statusMessage,
      String message,
      @JsonProperty("is_data") boolean isData,
      Data data) {

    static Envelope found(Data data) {
      return new Envelope(200, "OK", "orderRetrievedSuccessfully", true, data);
    }

    static Envelope notFound() {
      return new Envelope(404, "Not Found", "orderNotFound", false, null);
    }
  }

  /** Frontpayment's answer to a request it refuses: {@code is_error} and {@code errors}. */
  @JsonPropertyOrder({"status_code", "status_message", "message", "is_error", "errors"})
  record Refusal(
      @JsonProperty("status_code") int statusCode,
      @JsonProperty("status_message") String statusMessage,
      String message,
      @JsonProperty("is_error") boolean isError,
      List<String> errors) {

    static Refusal badRequest(String error) {
      return new Refusal(400, "Bad Request", "payloadValidationErrors", true, List.of(error));
    }
  }

  @JsonPropertyOrder({"logs", "details"})
  record Data(List<Log> logs, Details details) {}

  @JsonPropertyOrder({
    "title",
    "datetime",
    "note",
    "status",
    "sentTo",
    "paymentMethod",
    "refundAmount"
  })
  record Log(
      String title,
      String datetime,
      String note,
      String status,
      String sentTo,
      String paymentMethod,
      BigDecimal refundAmount) {}

  /** In the order of the seed's example response (which puts numberOfPaidCycles last). */
  @JsonPropertyOrder({
    "subscriptionUuid",
    "dateCreated",
    "orderDate",
    "dueDateForPaymentLink",
    "sendOrderViaSms",
    "sendOrderViaEmail",
    "customerNotes",
    "isInvoiced",
    "termsAndConditions",
    "customerName",
    "countryCode",
    "msisdn",
    "email",
    "street",
    "zip",
    "city",
    "country",
    "subTotal",
    "totalDiscount",
    "totalTax",
    "payablePerCycle",
    "currency",
    "repeats",
    "status",
    "products",
    "numberOfPaidCycles"
  })
  record Details(
      String subscriptionUuid,
      String dateCreated,
      String orderDate,
      String dueDateForPaymentLink,
      int sendOrderViaSms,
      int sendOrderViaEmail,
      String customerNotes,
      int isInvoiced,
      String termsAndConditions,
      String customerName,
      String countryCode,
      String msisdn,
      String email,
      String street,
      String zip,
      String city,
      String country,
      BigDecimal subTotal,
      BigDecimal totalDiscount,
      BigDecimal totalTax,
      BigDecimal payablePerCycle,
      String currency,
      Integer repeats,
      String status,
      List<Product> products,
      Integer numberOfPaidCycles) {}

  @JsonPropertyOrder({"productName", "quantity", "rate", "discount", "tax", "amount"})
  record Product(
      String productName,
      int quantity,
      BigDecimal rate,
      BigDecimal discount,
      BigDecimal tax,
      BigDecimal amount) {}
}
