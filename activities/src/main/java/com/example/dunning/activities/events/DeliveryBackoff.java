package com.example.dunning.activities.events;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again: 30 seconds after the first attempt, doubling up to an
 * hour, and a last time at the give-up time, so a receiver that is down for a day gets its events
 * within the hour it is back.
 */
final class DeliveryBackoff {

  static final Duration FIRST = Duration.ofSeconds(30);
  static final Duration LONGEST = Duration.ofHours(1);

  private DeliveryBackoff() {}

  /**
   * @param attempts the attempts made so far, this one included
   */
  static Instant nextTry(int attempts, Instant now, Instant giveUpAt) {
    Duration wait = LONGEST;
    if (attempts < 20) {
      wait = FIRST.multipliedBy(1L << Math.max(0, attempts - 1));
      if (wait.compareTo(LONGEST) > 0) {
        wait = LONGEST;
      }
    }
    Instant next = now.plus(wait);
    return next.isAfter(giveUpAt) ? giveUpAt : next;
  }
}
