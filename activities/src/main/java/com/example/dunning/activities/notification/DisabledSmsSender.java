package com.example.dunning.activities.notification;

/** Stands in for an SMS provider that is not configured: sends nothing. */
public final class DisabledSmsSender implements SmsSender {

  @Override
  public String send(String to, String text, String idempotencyKey) {
    throw new IllegalStateException("SMS disabled: no provider configured");
  }

  @Override
  public boolean enabled() {
    return false;
  }
}
