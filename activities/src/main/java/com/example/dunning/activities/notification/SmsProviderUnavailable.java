package com.example.dunning.activities.notification;

/** The SMS provider could not take the message now (throttled, down): a retry may succeed. */
public class SmsProviderUnavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SmsProviderUnavailable(String message) {
    super(message);
  }
}
