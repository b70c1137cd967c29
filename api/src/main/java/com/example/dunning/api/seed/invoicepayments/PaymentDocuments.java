package com.example.dunning.api.seed.invoicepayments;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** The documents seed 003's endpoints answer with: one payment, a page of them, an error. */
final class PaymentDocuments {

  private PaymentDocuments() {}

  record One(SubscriptionInvoicePayment data) {}

  /**
   * @param links {@code current}, {@code first}, {@code last}, {@code prev}, {@code next}: the
   *     other pages, or null where there is none
   */
  @JsonPropertyOrder({"data", "links"})
  record Page(List<SubscriptionInvoicePayment> data, Map<String, String> links) {}

  /** Elastic Path's error document: {@code {"errors": [{"status", "title", "detail"}]}}. */
  record Errors(List<Error> errors) {

    static Errors of(int status, String title, String detail) {
      return new Errors(List.of(new Error(String.valueOf(status), title, detail)));
    }
  }

  @JsonPropertyOrder({"status", "title", "detail"})
  record Error(String status, String title, String detail) {}
}
