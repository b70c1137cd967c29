package com.example.dunning.activities.conversation;

import com.example.dunning.workflows.conversation.MessageCap;
import com.example.dunning.workflows.conversation.MessageCaps;
import com.example.dunning.workflows.conversation.MessageMerging;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One conversation per customer (docs/conversation.md): the worker hands these rules to the
 * customer's coordinator with each notice, so a change takes effect at a customer's next notice.
 *
 * @param enabled whether the worker runs the coordinators and new dunnings talk to them
 * @param mergeHold how long a new message waits for the customer's other notices to join it
 * @param mergeWindow how long after a message a notice of an invoice it listed counts as told
 * @param caps at most so many messages per channel within a time; none given: one email a day,
 *     three a week, one SMS a week
 */
@ConfigurationProperties("dunning.conversation")
public record ConversationProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("PT1H") Duration mergeHold,
    @DefaultValue("P1D") Duration mergeWindow,
    List<MessageCap> caps) {

  /**
   * Refuses rules the coordinator would refuse, at start-up rather than at a customer's notice;
   * what is not given takes its default.
   */
  public ConversationProperties {
    mergeHold = mergeHold == null ? MessageMerging.defaults().hold() : mergeHold;
    mergeWindow = mergeWindow == null ? MessageMerging.defaults().window() : mergeWindow;
    messageCaps(caps).check();
    new MessageMerging(mergeHold, mergeWindow).check();
  }

  public MessageCaps messageCaps() {
    return messageCaps(caps);
  }

  public MessageMerging merging() {
    return new MessageMerging(mergeHold, mergeWindow);
  }

  private static MessageCaps messageCaps(List<MessageCap> caps) {
    return caps == null || caps.isEmpty() ? MessageCaps.defaults() : new MessageCaps(caps);
  }
}
