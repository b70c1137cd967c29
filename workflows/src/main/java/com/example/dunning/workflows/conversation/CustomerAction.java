package com.example.dunning.workflows.conversation;

import com.example.dunning.workflows.model.CustomerActionKind;

/**
 * An action for every open dunning of the customer.
 *
 * @param requestId the caller's id of the request: a repeat of it is the same action
 * @param by who asked
 * @param paymentMethodId the new payment method, for {@link
 *     CustomerActionKind#PAYMENT_METHOD_UPDATED}
 */
public record CustomerAction(
    String requestId, CustomerActionKind kind, String by, String paymentMethodId) {}
