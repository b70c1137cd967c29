package com.example.dunning.api.seed.faileddetails;

import com.example.dunning.api.seed.faileddetails.FailedOrder.Envelope;
import com.example.dunning.api.seed.faileddetails.FailedOrder.Refusal;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/connect/subscriptions/failed/details/{orderUuid}} (seed 004): a failed
 * invoice's dunning log and details. See {@link FailedOrders} for what {@code orderUuid} is.
 */
@RestController
class FailedDetailsController {

  static final String PATH = "/api/v1/connect/subscriptions/failed/details/{orderUuid}";

  /** A dunning id is {@code dunning-<provider>-<invoice>}, at most 1 + 32 + 1 + 128 + 8. */
  private static final Pattern ORDER_UUID = Pattern.compile("[A-Za-z0-9_\\-]{1,200}");

  private final FailedOrders orders;
  private final FailedOrderView view;

  FailedDetailsController(
      FailedOrders orders, @Value("${dunning.seeds.time-zone:Europe/Oslo}") ZoneId zone) {
    this.orders = orders;
    this.view = new FailedOrderView(zone);
  }

  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> details(@PathVariable String orderUuid) {
    if (!ORDER_UUID.matcher(orderUuid).matches()) {
      return ResponseEntity.badRequest()
          .body(
              Refusal.badRequest(
                  "orderUuid: a dunning id or an invoice id, letters, digits, '_' and '-' only"));
    }
    return orders
        .find(orderUuid)
        .<ResponseEntity<?>>map(
            invoice ->
                ResponseEntity.ok(
                    Envelope.found(view.of(invoice, orders.steps(invoice.dunningId())))))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Envelope.notFound()));
  }
}
