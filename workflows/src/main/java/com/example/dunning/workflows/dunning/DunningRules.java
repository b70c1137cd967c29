package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningSettings;
import com.example.dunning.workflows.policy.DunningStep;
import com.example.dunning.workflows.policy.NoticeKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The decisions of the dunning policy that depend only on where the dunning stands: whether a step
 * charges, which message it sends, and when a message may go out.
 */
final class DunningRules {

  private DunningRules() {}

  /**
   * The workflow charges only when the provider does not retry by itself, no hard decline blocked
   * retries, and the payment does not wait for the customer's authentication.
   */
  static boolean mayRetry(
      DunningSettings settings, boolean retriesBlocked, PaymentDetails payment) {
    return !settings.providerRetries() && !retriesBlocked && !payment.requiresAuthentication();
  }

  /** A routine notice asks for authentication instead when the payment waits for it. */
  static NoticeKind noticeFor(DunningStep step, PaymentDetails payment) {
    boolean routine = step.notice() == NoticeKind.NOTICE || step.notice() == NoticeKind.REMINDER;
    return routine && payment.requiresAuthentication()
        ? NoticeKind.AUTHENTICATION_REQUIRED
        : step.notice();
  }

  /**
   * How long a message to the customer waits for their quiet hours to end; zero when none apply (no
   * quiet hours configured, or the customer's time zone is unknown).
   */
  static Duration untilQuietHoursEnd(
      DunningSettings settings, PaymentDetails payment, Instant now) {
    ZoneId zone = CustomerZone.of(payment.customer());
    if (settings.quietHours() == null || zone == null) {
      return Duration.ZERO;
    }
    Instant sendAt = settings.quietHours().nextSendTime(now, zone);
    Duration wait = Duration.between(now, sendAt);
    return wait.isNegative() ? Duration.ZERO : wait;
  }
}
