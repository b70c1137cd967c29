package com.example.dunning.reliability.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * How long a test waits for something asynchronous: generous, because the test server, Spring,
 * PostgreSQL and the tests share two busy cores; a wait still returns as soon as its condition
 * holds.
 */
public final class Patience {

  public static final Duration WAIT = Duration.ofSeconds(60);

  private Patience() {}

  /** Awaitility's {@code await()}, bounded by {@link #WAIT} rather than its default 10 s. */
  public static ConditionFactory await() {
    return Awaitility.await().atMost(WAIT);
  }
}
