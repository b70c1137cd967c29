package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.conversation.Channel;
import com.example.dunning.workflows.conversation.ConversationActivities;
import com.example.dunning.workflows.conversation.ConversationActivities.NoticeReservation;
import com.example.dunning.workflows.conversation.ConversationIds;
import com.example.dunning.workflows.conversation.NoticeRequest;
import com.example.dunning.workflows.conversation.NoticeSlot;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningSettings;
import com.example.dunning.workflows.policy.DunningStep;
import com.example.dunning.workflows.policy.NoticeKind;
import com.example.dunning.workflows.policy.StepAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Asks the customer's coordinator when each of a step's notices may go out, so that the customer's
 * message caps hold across all their dunnings (docs/conversation.md).
 */
final class CustomerConversation {

  /** A step's notice on one channel and the moment it may go out. */
  record ChannelSlot(Channel channel, Instant sendAt) {}

  private final String dunningId;
  private final ConversationActivities coordinator;

  CustomerConversation(String dunningId, ConversationActivities coordinator) {
    this.dunningId = dunningId;
    this.coordinator = coordinator;
  }

  /** How a dunning's notices go out, fixed by its settings and its version marker. */
  enum Sending {
    /** The dunning sends them itself, as without a coordinator. */
    ALONE,
    /** The dunning asks the coordinator for a moment, waits for it, and sends them itself. */
    AT_ANSWERED_MOMENT,
    /** The coordinator sends them, merged with the customer's others. */
    BY_COORDINATOR
  }

  /** The reminders a coordinator sends; the rest answer the dunning's own events. */
  private static final Set<NoticeKind> REMINDERS =
      EnumSet.of(NoticeKind.NOTICE, NoticeKind.REMINDER, NoticeKind.FINAL_WARNING);

  /**
   * How this dunning sends a notice of {@code kind}: alone unless its settings, fixed when it
   * opened, say so and its customer can have a coordinator. The version marker is asked only then,
   * so a dunning without the switch issues the same commands as before.
   */
  static Sending sending(
      DunningSettings settings, String provider, PaymentDetails payment, NoticeKind kind) {
    Customer customer = payment.customer();
    if (!settings.customerConversation()
        || customer == null
        || !ConversationIds.hasCoordinator(provider, customer.id())) {
      return Sending.ALONE;
    }
    int version = DunningVersions.customerConversation();
    return version >= DunningVersions.COORDINATOR_SENDS && REMINDERS.contains(kind)
        ? Sending.BY_COORDINATOR
        : Sending.AT_ANSWERED_MOMENT;
  }

  /**
   * Hands each of the step's notices to the coordinator, which sends it in one of its messages; the
   * dunning does not wait, so a deferral moves none of its charges or its expiry.
   */
  void handOver(
      DunningStep step,
      NoticeKind kind,
      DunningSettings settings,
      String provider,
      PaymentDetails payment) {
    for (NoticeRequest notice : requests(step, settings, payment, kind)) {
      coordinator.reserveNotice(new NoticeReservation(provider, payment.customer().id(), notice));
    }
  }

  /**
   * Reserves each channel the step names, earliest first. A notice the coordinator did not defer
   * may go out {@code now}: the dunning has waited out the quiet hours itself, and a deferred one
   * is already moved out of them by the coordinator, so neither waits twice.
   */
  List<ChannelSlot> reserve(
      DunningStep step,
      DunningSettings settings,
      String provider,
      PaymentDetails payment,
      Instant now) {
    List<ChannelSlot> slots = new ArrayList<>();
    for (NoticeRequest notice : requests(step, settings, payment, null)) {
      NoticeSlot slot =
          coordinator.reserveNotice(
              new NoticeReservation(provider, payment.customer().id(), notice));
      Instant sendAt = slot.deferredBy() == null ? now : slot.sendAt();
      slots.add(new ChannelSlot(notice.channel(), sendAt));
    }
    slots.sort(Comparator.comparing(ChannelSlot::sendAt)); // stable: email first at a tie
    return slots;
  }

  /**
   * A request for each channel the step names, email first; with a {@code kind} the coordinator
   * sends the notice, without one the dunning sends it at the moment answered.
   */
  private List<NoticeRequest> requests(
      DunningStep step, DunningSettings settings, PaymentDetails payment, NoticeKind kind) {
    List<NoticeRequest> requests = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      if (step.does(channel == Channel.EMAIL ? StepAction.EMAIL : StepAction.SMS)) {
        String key = CustomerNotices.key(dunningId, step.name(), channel);
        String zone = payment.customer().timeZone();
        requests.add(
            kind == null
                ? new NoticeRequest(dunningId, key, channel, settings.quietHours(), zone)
                : new NoticeRequest(
                    dunningId, key, channel, settings.quietHours(), zone, kind, payment, true));
      }
    }
    return requests;
  }
}
