package com.example.dunning.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed dashboard sign-ins one client address may make in a window before it must wait
 * for the window to end, e.g. {@code dunning.dashboard.sign-in.max-failures=10} and {@code
 * dunning.dashboard.sign-in.failure-window=PT15M}.
 */
@ConfigurationProperties("dunning.dashboard.sign-in")
public record SignInLimitProperties(
    @DefaultValue("10") int maxFailures, @DefaultValue("15m") Duration failureWindow) {

  public SignInLimitProperties {
    if (maxFailures < 1) {
      throw new IllegalArgumentException(
          "dunning.dashboard.sign-in.max-failures must be 1 or more");
    }
    if (failureWindow == null || failureWindow.isNegative() || failureWindow.isZero()) {
      throw new IllegalArgumentException(
          "dunning.dashboard.sign-in.failure-window must be a positive duration, e.g. PT15M");
    }
  }
}
