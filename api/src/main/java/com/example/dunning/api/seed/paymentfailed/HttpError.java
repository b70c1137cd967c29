package com.example.dunning.api.seed.paymentfailed;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An error in the style of the ASP.NET Web API that seed 000 documents: its {@code HttpError},
 * {@code {"Message": …, "MessageDetail": …}} in JSON, {@code <Error><Message>…</Message>…} in XML.
 */
@JsonPropertyOrder({"Message", "MessageDetail"})
record HttpError(
    @JsonProperty("Message") String message, @JsonProperty("MessageDetail") String messageDetail) {

  static HttpError invalidRequest(String detail) {
    return new HttpError("The request is invalid.", detail);
  }
}
