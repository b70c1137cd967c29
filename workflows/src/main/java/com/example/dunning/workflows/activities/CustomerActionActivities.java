package com.example.dunning.workflows.activities;

import com.example.dunning.workflows.model.CustomerActionKind;
import com.example.dunning.workflows.model.CustomerActionResult;
import io.temporal.activity.ActivityInterface;

/**
 * An action for a whole customer: every dunning of the customer open when the action is first run
 * gets the dunning's own signal once, however often the action is delivered or retried.
 */
@ActivityInterface
public interface CustomerActionActivities {

  /**
   * Claims the customer's open dunnings for the action (once: a repeat finds the claims it made)
   * and signals each claim not yet signalled.
   */
  CustomerActionResult actForCustomer(ActionRequest request);

  /**
   * @param actionKey {@code <coordinator id>:action:<request id>}, the same for every delivery
   * @param by who asked, as the dunning's log names them
   * @param paymentMethodId the new payment method, for {@link
   *     CustomerActionKind#PAYMENT_METHOD_UPDATED}
   */
  record ActionRequest(
      String actionKey,
      String provider,
      String customerId,
      CustomerActionKind kind,
      String by,
      String paymentMethodId) {}
}
