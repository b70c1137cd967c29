package com.example.dunning.api.seed.invoicepayments;

/** A request for payments that cannot be answered; its message names the parameter and why. */
class InvalidPaymentQuery extends RuntimeException {

  InvalidPaymentQuery(String message) {
    super(message);
  }
}
