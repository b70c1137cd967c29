package com.example.dunning.workflows.activities;

/**
 * The types of the non-retryable failures activities raise: permanent errors that no retry would
 * mend. The workflow decides on some of them, so they are a contract between the two.
 */
public final class FailureTypes {

  /** The provider does not know the invoice: the dunning ends. */
  public static final String INVOICE_NOT_FOUND = "InvoiceNotFound";

  /** The provider refused our credentials (401/403): the dunning waits for an operator. */
  public static final String PROVIDER_AUTHENTICATION = "ProviderAuthentication";

  /** No adapter for the provider named on the dunning. */
  public static final String UNKNOWN_PROVIDER = "UnknownProvider";

  /** The SMS provider refused the message for good (e.g. an invalid number). */
  public static final String SMS_REJECTED = "SmsRejected";

  private FailureTypes() {}
}
