package com.example.dunning.workflows.conversation;

import com.example.dunning.workflows.policy.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The caps on what one customer is sent across all their dunnings. A notice may go out at a moment
 * when, for each cap of its channel, fewer than its messages are reserved within its window of that
 * moment on either side (reserved notices may lie ahead, deferred); otherwise it is deferred to the
 * next moment that is allowed, never dropped.
 */
public record MessageCaps(List<MessageCap> caps) {

  /** One email a day, three a week; one SMS a week. */
  public static MessageCaps defaults() {
    return new MessageCaps(
        List.of(
            new MessageCap(Channel.EMAIL, 1, Duration.ofDays(1)),
            new MessageCap(Channel.EMAIL, 3, Duration.ofDays(7)),
            new MessageCap(Channel.SMS, 1, Duration.ofDays(7))));
  }

  /**
   * @throws IllegalArgumentException for a cap without its channel, of fewer than one message, or
   *     over no time
   */
  public void check() {
    if (caps == null) {
      throw new IllegalArgumentException("caps: none given");
    }
    for (MessageCap cap : caps) {
      if (cap == null
          || cap.channel() == null
          || cap.messages() < 1
          || cap.per() == null
          || cap.per().isNegative()
          || cap.per().isZero()) {
        throw new IllegalArgumentException(
            "a cap needs a channel, at least 1 message and a positive time: " + cap);
      }
    }
  }

  /** How long a reserved notice counts against a cap: the state keeps no older ones. */
  public Duration longestWindow() {
    return caps.stream().map(MessageCap::per).max(Duration::compareTo).orElse(Duration.ZERO);
  }

  /** The first cap a notice on {@code channel} at {@code at} would break, or null when none. */
  MessageCap broken(Channel channel, Instant at, List<ReservedNotice> reserved) {
    for (MessageCap cap : caps) {
      if (cap.channel() == channel && counted(cap, at, reserved) >= cap.messages()) {
        return cap;
      }
    }
    return null;
  }

  /**
   * The first moment at or after {@code asked}, outside the quiet hours, that breaks no cap, and
   * the cap that held it back (null when it is the time asked, past quiet hours). Candidates are
   * the time asked and each moment a reserved notice leaves a window, moved past quiet hours; one
   * always passes, since after the last reserved notice plus the longest window none counts.
   */
  Decision decide(
      Channel channel,
      Instant asked,
      List<ReservedNotice> reserved,
      QuietHours quietHours,
      ZoneId zone) {
    List<Instant> candidates = new ArrayList<>();
    candidates.add(asked);
    for (MessageCap cap : caps) {
      if (cap.channel() != channel) {
        continue;
      }
      for (ReservedNotice notice : reserved) {
        Instant leaves = notice.sendAt().plus(cap.per());
        if (notice.channel() == channel && leaves.isAfter(asked)) {
          candidates.add(leaves);
        }
      }
    }
    candidates.sort(Instant::compareTo);
    MessageCap heldBy = null;
    for (Instant candidate : candidates) {
      Instant at = outsideQuietHours(candidate, quietHours, zone);
      MessageCap broken = broken(channel, at, reserved);
      if (broken == null) {
        return new Decision(at, heldBy);
      }
      heldBy = broken;
    }
    throw new IllegalStateException("no moment after the last reserved notice: " + asked);
  }

  /**
   * @param heldBy the cap that broke the last moment refused before {@code at}, or null
   */
  record Decision(Instant at, MessageCap heldBy) {}

  private static Instant outsideQuietHours(Instant at, QuietHours quietHours, ZoneId zone) {
    return quietHours == null || zone == null ? at : quietHours.nextSendTime(at, zone);
  }

  private static long counted(MessageCap cap, Instant at, List<ReservedNotice> reserved) {
    return reserved.stream()
        .filter(notice -> notice.channel() == cap.channel())
        .filter(notice -> Duration.between(notice.sendAt(), at).abs().compareTo(cap.per()) < 0)
        .count();
  }
}
