package com.example.dunning.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Failed dashboard sign-ins per client address, counted in a fixed window that starts at the
 * address's first failure: once it holds {@code maxFailures}, the address waits until the window
 * ends, whatever it sends. Kept in this instance's memory, so behind a load balancer each instance
 * counts its own share.
 */
final class SignInAttempts {

  /** Past this many tracked addresses, those whose window has ended are forgotten. */
  private static final int PURGE_ABOVE = 10_000;

  private final SignInLimitProperties limit;
  private final Clock clock;
  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

  private record Window(Instant start, int failures) {}

  SignInAttempts(SignInLimitProperties limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /** How long the address must still wait, or empty when it may try. */
  Optional<Duration> waitFor(String address) {
    Instant now = clock.instant();
    Window window = windows.get(address);
    if (window == null || window.failures() < limit.maxFailures() || ended(window, now)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, window.start().plus(limit.failureWindow())));
  }

  void failed(String address) {
    Instant now = clock.instant();
    windows.compute(
        address,
        (key, window) ->
            window == null || ended(window, now)
                ? new Window(now, 1)
                : new Window(window.start(), window.failures() + 1));
    if (windows.size() > PURGE_ABOVE) {
      windows.values().removeIf(window -> ended(window, now));
    }
  }

  private boolean ended(Window window, Instant now) {
    return !now.isBefore(window.start().plus(limit.failureWindow()));
  }
}
