package com.example.dunning.api.customers;

import com.example.dunning.workflows.model.CustomerActionKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One customer of one provider across their dunnings: the view, and the actions for all their open
 * dunnings at once, through the customer's coordinator.
 */
@RestController
@RequestMapping(path = "/api/v1/customers/{provider}/{id}", produces = "application/json")
class CustomersController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final CustomerViews views;
  private final CustomerActionSender actions;

  CustomersController(CustomerViews views, CustomerActionSender actions) {
    this.views = views;
    this.actions = actions;
  }

  /**
   * @param paymentMethodId the customer's new payment method, if the caller knows it
   */
  record PaymentMethodBody(String paymentMethodId) {}

  @GetMapping
  CustomerView read(@PathVariable String provider, @PathVariable String id) {
    return views.of(provider, id);
  }

  /** Retries every open dunning of the customer once; the same key, the same action. */
  @PostMapping("/retry")
  ResponseEntity<CustomerActionSender.Outcome> retry(
      @PathVariable String provider,
      @PathVariable String id,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
      Authentication caller) {
    return answer(
        actions.act(provider, id, CustomerActionKind.RETRY_NOW, key, caller.getName(), null));
  }

  /** Tells every open dunning of the customer of a new payment method, which each charges once. */
  @PostMapping("/payment-method-updated")
  ResponseEntity<CustomerActionSender.Outcome> paymentMethodUpdated(
      @PathVariable String provider,
      @PathVariable String id,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
      @RequestBody(required = false) PaymentMethodBody body,
      Authentication caller) {
    return answer(
        actions.act(
            provider,
            id,
            CustomerActionKind.PAYMENT_METHOD_UPDATED,
            key,
            caller.getName(),
            body == null ? null : body.paymentMethodId()));
  }

  /** 200 with what the action did; 202 when the coordinator accepted it but is still at it. */
  private static ResponseEntity<CustomerActionSender.Outcome> answer(
      CustomerActionSender.Outcome outcome) {
    return ResponseEntity.status(outcome.done() ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .body(outcome);
  }
}
