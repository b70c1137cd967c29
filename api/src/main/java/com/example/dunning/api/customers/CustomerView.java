package com.example.dunning.api.customers;

import com.example.dunning.workflows.conversation.Channel;
import com.example.dunning.workflows.conversation.MessageNotice;
import com.example.dunning.workflows.conversation.QueuedMessage;
import com.example.dunning.workflows.conversation.ReservedNotice;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.policy.NoticeKind;
import java.time.Instant;
import java.util.List;

/**
 * One customer of one provider across all their dunnings: what {@code GET
 * /api/v1/customers/{provider}/{id}} answers and the dashboard's customer page shows.
 *
 * @param coordinatorId the customer's coordinator, {@code dunning-customer-<provider>-<id>}
 * @param conversation whether the coordinator runs, ended, or is switched off
 * @param open the dunnings still running (no end recorded), newest failure first
 * @param ended the dunnings that have ended, newest failure first
 * @param sent every notice sent to the customer by any of their dunnings, oldest first
 * @param deferred the notices the coordinator holds back by a cap; empty unless it runs
 * @param planned the messages the coordinator is to send, each carrying the notices of one or more
 *     dunnings; empty unless it runs
 */
public record CustomerView(
    String provider,
    String customerId,
    String coordinatorId,
    Conversation conversation,
    List<CustomerDunning> open,
    List<CustomerDunning> ended,
    List<CustomerNotice> sent,
    List<ReservedNotice> deferred,
    List<PlannedMessage> planned) {

  /** Where the customer's coordinator stands. */
  public enum Conversation {
    /** {@code dunning.conversation.enabled} is off: there is no coordinator to ask. */
    OFF,
    RUNNING,
    /** None runs now: never started, or ended after the customer was quiet. */
    NOT_RUNNING
  }

  /**
   * @param amountDue in the currency's minor unit
   * @param packageName the package the invoice bills, as the provider or the intake named it
   */
  public record CustomerDunning(
      String dunningId,
      String invoiceId,
      String packageName,
      long amountDue,
      String currency,
      DunningStatus status,
      Instant failedAt,
      Instant endedAt) {}

  /**
   * @param subject null for an SMS
   */
  public record CustomerNotice(
      String dunningId,
      String noticeKey,
      String channel,
      String kind,
      String recipient,
      Instant sentAt,
      String subject) {}

  /**
   * A message the coordinator is to send.
   *
   * @param kind the strongest wording of the notices it carries
   * @param deferredBy the cap that moved it later, or null
   * @param dunnings the dunnings whose notices it carries, in the order they asked
   */
  public record PlannedMessage(
      String key,
      Channel channel,
      NoticeKind kind,
      Instant sendAt,
      String deferredBy,
      List<String> dunnings) {

    static PlannedMessage of(QueuedMessage message) {
      return new PlannedMessage(
          message.key(),
          message.channel(),
          message.kind(),
          message.sendAt(),
          message.deferredBy(),
          message.notices().stream().map(MessageNotice::dunningId).distinct().toList());
    }
  }
}
