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

  /** No adapter for the provider named on the dunning: the dunning waits for an operator. */
  public static final String UNKNOWN_PROVIDER = "UnknownProvider";

  /**
   * The provider's adapter has no credentials in this deployment: the dunning waits for an operator
   * to configure them.
   */
  public static final String PROVIDER_NOT_CONFIGURED = "ProviderNotConfigured";

  /**
   * The provider answered something we cannot read (a required field missing, a status we do not
   * know, not JSON); the message names the field. The dunning waits for an operator.
   */
  public static final String MALFORMED_ANSWER = "ProviderAnswerMalformed";

  /** The SMS provider refused the message for good (e.g. an invalid number). */
  public static final String SMS_REJECTED = "SmsRejected";

  private FailureTypes() {}
}
