package com.example.dunning.workflows.model;

/** An invoice's status at the provider, reduced to what dunning decides on. */
public enum InvoiceStatus {
  /** Still owed: the dunning goes on. */
  OPEN,
  PAID,
  VOID,
  UNCOLLECTIBLE;

  /** Paid, voided and uncollectible invoices end the dunning without a word to the customer. */
  public boolean isSettled() {
    return this != OPEN;
  }
}
