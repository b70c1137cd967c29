package com.example.dunning.api.seed.paymentfailed;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The request of seed 000, {@code {"UserId": 1, "StatusId": 2}}. Names match in any case, as
 * ASP.NET's JSON and form binding match them.
 *
 * @param userId whose failed payments; required
 * @param statusId see {@link StatusId}; null or 0 for any status
 */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
record PaymentIntentStatusRequest(
    @JsonProperty("UserId") Long userId, @JsonProperty("StatusId") Long statusId) {

  /** The user to filter by; a request without a positive one is refused. */
  long requiredUserId() {
    if (userId == null || userId <= 0) {
      throw new InvalidStatusRequest("UserId must be a positive whole number");
    }
    return userId;
  }
}
