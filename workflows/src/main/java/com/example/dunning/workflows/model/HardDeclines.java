package com.example.dunning.workflows.model;

import java.util.Set;

/**
 * Decline codes after which retrying the same card is pointless, or harmful: the card is lost,
 * stolen, closed or refused for good. A dunning stops retrying until the payment method changes.
 * After Stripe's decline-code table.
 */
public final class HardDeclines {

  private static final Set<String> CODES =
      Set.of(
          "lost_card",
          "stolen_card",
          "pickup_card",
          "restricted_card",
          "fraudulent",
          "merchant_blacklist",
          "security_violation",
          "invalid_account",
          "new_account_information_available",
          "card_not_supported",
          "currency_not_supported",
          "expired_card",
          "incorrect_number",
          "invalid_number",
          "do_not_try_again",
          "revocation_of_all_authorizations",
          "revocation_of_authorization",
          "stop_payment_order",
          "transaction_not_allowed");

  private HardDeclines() {}

  public static boolean isHard(String declineCode) {
    return declineCode != null && CODES.contains(declineCode);
  }
}
