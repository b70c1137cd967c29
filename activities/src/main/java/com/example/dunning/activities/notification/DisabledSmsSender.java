package com.example.dunning.activities.notification;

import java.time.Duration;

/** Stands in for an SMS provider that is not configured: sends nothing. */
public final class DisabledSmsSender implements SmsSender {

  @Override
  public String send(String to, String text, String idempotencyKey) {
    throw new IllegalStateException("SMS disabled: no provider configured");
  }

  @Override
  public Duration longestSend() {
    return Duration.ZERO;
  }

  @Override
  public boolean enabled() {
    return false;
  }
}
