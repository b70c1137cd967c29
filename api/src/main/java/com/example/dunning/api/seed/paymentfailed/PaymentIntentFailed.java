package com.example.dunning.api.seed.paymentfailed;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One failed invoice as seed 000's {@code PaymentIntentFailed}, from a row of {@code
 * failed_invoice}. Timestamps are already in the seed's form ({@link DotNetTime}).
 *
 * @param amountDue in the currency's minor unit, as the provider (Stripe's {@code amount_due})
 *     gives it
 */
@JsonPropertyOrder({
  "Id",
  "InvoiceId",
  "PaymentIntentId",
  "PaymentMethodId",
  "AmountDue",
  "StripeCustomerId",
  "CustomerEmail",
  "SubscriptionId",
  "UserId",
  "FailedTimeStamp",
  "AttemptCount",
  "StatusId",
  "ArtistName",
  "PackageID",
  "PackageExpiryDate",
  "PhoneNumber",
  "ProfileUrl"
})
record PaymentIntentFailed(
    @JsonProperty("Id") long id,
    @JsonProperty("InvoiceId") String invoiceId,
    @JsonProperty("PaymentIntentId") String paymentIntentId,
    @JsonProperty("PaymentMethodId") String paymentMethodId,
    @JsonProperty("AmountDue") long amountDue,
    @JsonProperty("StripeCustomerId") String stripeCustomerId,
    @JsonProperty("CustomerEmail") String customerEmail,
    @JsonProperty("SubscriptionId") String subscriptionId,
    @JsonProperty("UserId") Long userId,
    @JsonProperty("FailedTimeStamp") String failedTimeStamp,
    @JsonProperty("AttemptCount") int attemptCount,
    @JsonProperty("StatusId") int statusId,
    @JsonProperty("ArtistName") String artistName,
    @JsonProperty("PackageID") Long packageId,
    @JsonProperty("PackageExpiryDate") String packageExpiryDate,
    @JsonProperty("PhoneNumber") String phoneNumber,
    @JsonProperty("ProfileUrl") String profileUrl) {}
