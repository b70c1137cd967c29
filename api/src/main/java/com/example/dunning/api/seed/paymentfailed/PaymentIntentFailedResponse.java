package com.example.dunning.api.seed.paymentfailed;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Seed 000's answer: {@code ResponseBase<PaymentIntentFailed[]>}, {@code status} + {@code Message}.
 */
@JsonPropertyOrder({"status", "Message"})
record PaymentIntentFailedResponse(
    @JsonProperty("status") String status,
    @JsonProperty("Message") List<PaymentIntentFailed> message) {

  /** The {@code status} of every answer that found what was asked for, even nothing. */
  static final String SUCCESS = "Success";

  static PaymentIntentFailedResponse success(List<PaymentIntentFailed> failed) {
    return new PaymentIntentFailedResponse(SUCCESS, failed);
  }
}
