package com.example.dunning.api.seed.invoicepayments;

import com.example.dunning.api.seed.invoicepayments.PaymentDocuments.Errors;
import com.example.dunning.api.seed.invoicepayments.PaymentDocuments.One;
import com.example.dunning.api.seed.invoicepayments.PaymentDocuments.Page;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Seed 003: the charges of a failed invoice, as Elastic Path's subscription invoice payments. See
 * {@link InvoicePayments} for how the path's subscription and invoice name our rows.
 */
@RestController
class InvoicePaymentsController {

  static final String PATH =
      "/subscriptions/subscriptions/{subscription_uuid}/invoices/{invoice_uuid}/payments";
  static final int DEFAULT_LIMIT = 25;
  static final int MAX_LIMIT = 100;
  static final int MAX_OFFSET = 10_000;

  private final InvoicePayments payments;

  InvoicePaymentsController(InvoicePayments payments) {
    this.payments = payments;
  }

  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> list(
      @PathVariable("subscription_uuid") String subscription,
      @PathVariable("invoice_uuid") String invoice,
      @RequestParam(name = "page[offset]", required = false) String offsetParam,
      @RequestParam(name = "page[limit]", required = false) String limitParam) {
    long offset = pageParam("page[offset]", offsetParam, 0, 0, MAX_OFFSET);
    long limit = pageParam("page[limit]", limitParam, DEFAULT_LIMIT, 1, MAX_LIMIT);
    long total = payments.count(subscription, invoice);
    if (total == 0 && !payments.invoiceExists(subscription, invoice)) {
      return notFound("No invoice found");
    }
    return ResponseEntity.ok(
        new Page(payments.page(subscription, invoice, offset, limit), links(offset, limit, total)));
  }

  @GetMapping(path = PATH + "/{payment_uuid}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> one(
      @PathVariable("subscription_uuid") String subscription,
      @PathVariable("invoice_uuid") String invoice,
      @PathVariable("payment_uuid") String payment) {
    UUID paymentId;
    try {
      paymentId = UUID.fromString(payment);
    } catch (IllegalArgumentException e) {
      throw new InvalidPaymentQuery("payment_uuid: must be a UUID");
    }
    return payments
        .one(subscription, invoice, paymentId)
        .<ResponseEntity<?>>map(found -> ResponseEntity.ok(new One(found)))
        .orElseGet(
            () ->
                notFound(
                    payments.invoiceExists(subscription, invoice)
                        ? "No payment found"
                        : "No invoice found"));
  }

  @ExceptionHandler(InvalidPaymentQuery.class)
  ResponseEntity<Errors> invalid(InvalidPaymentQuery e) {
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_JSON)
        .body(Errors.of(400, "Validation Error", e.getMessage()));
  }

  private static ResponseEntity<?> notFound(String detail) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Errors.of(404, "Not Found", detail));
  }

  private static long pageParam(String name, String value, long absent, long min, long max) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    try {
      long number = Long.parseLong(value.trim());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidPaymentQuery(name + ": must be a whole number from " + min + " to " + max);
  }

  private static Map<String, String> links(long offset, long limit, long total) {
    long last = total == 0 ? 0 : (total - 1) / limit * limit;
    Map<String, String> links = new LinkedHashMap<>();
    links.put("current", pageLink(offset, limit));
    links.put("first", pageLink(0, limit));
    links.put("last", pageLink(last, limit));
    links.put("prev", offset == 0 ? null : pageLink(Math.max(0, offset - limit), limit));
    links.put("next", offset + limit >= total ? null : pageLink(offset + limit, limit));
    return links;
  }

  private static String pageLink(long offset, long limit) {
    return ServletUriComponentsBuilder.fromCurrentRequestUri()
        .replaceQueryParam("page[offset]", offset)
        .replaceQueryParam("page[limit]", limit)
        .build()
        .toUriString();
  }
}
