package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningSettings;
import com.example.dunning.workflows.policy.DunningStep;
import com.example.dunning.workflows.policy.NoticeKind;
import com.example.dunning.workflows.policy.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The decisions of the dunning policy that depend only on where the dunning stands: whether a step
 * charges, which message it sends, when a message may go out, what a pause holds, and how the
 * dunning reads to others. Pure: no Temporal, unit-tested alone.
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
    Customer customer = payment.customer();
    ZoneId zone = QuietHours.zoneOf(customer == null ? null : customer.timeZone());
    if (settings.quietHours() == null || zone == null) {
      return Duration.ZERO;
    }
    Instant sendAt = settings.quietHours().nextSendTime(now, zone);
    Duration wait = Duration.between(now, sendAt);
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  /**
   * The time left until {@code dueAt}, which a pause keeps for after it; zero when past or none.
   */
  static Duration timeLeft(Instant dueAt, Instant now) {
    if (dueAt == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, dueAt);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * The log note of a charge that did not pay, e.g. {@code step retry-1: card_declined /
   * lost_card}.
   */
  static String declinedChargeNote(String why, ChargeResult charge) {
    String reason = charge.failureCode() == null ? charge.message() : charge.failureCode();
    return why + Notes.optional(": ", reason) + Notes.optional(" / ", charge.declineCode());
  }

  /**
   * The status others see: PAUSED as soon as a pause is accepted, ACTIVE as soon as a resume is,
   * although the main method sets the status only when it next acts on them (no step starts
   * meanwhile).
   */
  static DunningStatus reportedStatus(DunningStatus status, boolean closed, boolean paused) {
    if (!closed && (status == DunningStatus.ACTIVE || status == DunningStatus.PAUSED)) {
      return paused ? DunningStatus.PAUSED : DunningStatus.ACTIVE;
    }
    return status;
  }
}
