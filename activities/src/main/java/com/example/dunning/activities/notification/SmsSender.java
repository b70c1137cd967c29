package com.example.dunning.activities.notification;

import java.time.Duration;

/** The port to an SMS provider. */
public interface SmsSender {

  /**
   * Sends one text message.
   *
   * @param idempotencyKey the same for every attempt at the same message, for the provider to drop
   *     a duplicate
   * @return the provider's id of the message
   * @throws io.temporal.failure.ApplicationFailure non-retryable when the provider refuses the
   *     message for good (bad number, bad credentials)
   */
  String send(String to, String text, String idempotencyKey);

  /** The longest one send can last: the client's connect and read timeouts. */
  Duration longestSend();

  /** False when no provider is configured and nothing can be sent. */
  default boolean enabled() {
    return true;
  }
}
