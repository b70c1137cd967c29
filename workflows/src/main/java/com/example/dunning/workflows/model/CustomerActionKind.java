package com.example.dunning.workflows.model;

/** What a customer-level action asks of each of their dunnings: their own signal of that name. */
public enum CustomerActionKind {
  RETRY_NOW,
  PAYMENT_METHOD_UPDATED
}
