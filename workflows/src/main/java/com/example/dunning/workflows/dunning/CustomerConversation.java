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
import com.example.dunning.workflows.policy.StepAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

  /**
   * Whether this dunning asks: its settings, fixed when it opened, say so and its customer can have
   * a coordinator. The version marker is asked only then, so a dunning without the switch issues
   * the same commands as before.
   */
  static boolean asks(DunningSettings settings, String provider, PaymentDetails payment) {
    Customer customer = payment.customer();
    return settings.customerConversation()
        && customer != null
        && ConversationIds.hasCoordinator(provider, customer.id())
        && DunningVersions.customerConversation();
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
    for (Channel channel : Channel.values()) {
      if (step.does(channel == Channel.EMAIL ? StepAction.EMAIL : StepAction.SMS)) {
        NoticeRequest notice =
            new NoticeRequest(
                dunningId,
                CustomerNotices.key(dunningId, step.name(), channel),
                channel,
                settings.quietHours(),
                payment.customer().timeZone());
        NoticeSlot slot =
            coordinator.reserveNotice(
                new NoticeReservation(provider, payment.customer().id(), notice));
        Instant sendAt = slot.deferredBy() == null ? now : slot.sendAt();
        slots.add(new ChannelSlot(channel, sendAt));
      }
    }
    slots.sort(Comparator.comparing(ChannelSlot::sendAt)); // stable: email first at a tie
    return slots;
  }
}
