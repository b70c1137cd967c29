package com.example.dunning.api.seed.paymentfailed;

/** A request for failed payments that cannot be answered; its message says why. */
class InvalidStatusRequest extends RuntimeException {

  InvalidStatusRequest(String message) {
    super(message);
  }
}
