package com.example.dunning.activities.conversation;

import com.example.dunning.activities.conversation.OpenInvoices.OpenInvoice;
import com.example.dunning.activities.notification.Channel;
import com.example.dunning.activities.notification.CustomerNotifications;
import com.example.dunning.activities.notification.NoticeLedger;
import com.example.dunning.activities.notification.NoticeLedger.ClaimResult;
import com.example.dunning.activities.notification.NoticeMailer;
import com.example.dunning.activities.notification.SentText;
import com.example.dunning.activities.notification.SmsSender;
import com.example.dunning.notices.NoticeRenderer;
import com.example.dunning.notices.RenderedEmail;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.conversation.CustomerMessage;
import com.example.dunning.workflows.conversation.MessageActivities;
import com.example.dunning.workflows.conversation.MessageDelivery;
import com.example.dunning.workflows.conversation.MessageNotice;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.PaymentDetails;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The coordinator's send: one email or SMS to the customer listing every invoice of theirs still in
 * dunning, for the notices of those of their dunnings it carries. The message's key is claimed in
 * {@code notification} as a single notice's is ({@link NoticeLedger}: in-doubt takeover, release on
 * failure), and marked sent in one transaction with a log line and an event per carried notice, so
 * the message goes out and is logged once however often the activity runs.
 */
@Component
@ConditionalOnProperty(name = "dunning.conversation.enabled", havingValue = "true")
public class ConversationMessages implements MessageActivities {

  static final String NONE_OPEN = "no open invoice";

  private final OpenInvoices invoices;
  private final NoticeLedger ledger;
  private final NoticeRenderer renderer;
  private final NoticeMailer mailer;
  private final SmsSender sms;
  private final Duration margin;

  /**
   * @param margin added to a channel's timeouts before an unfinished claim counts as abandoned, as
   *     for single notices
   */
  public ConversationMessages(
      JdbcTemplate jdbc,
      NoticeLedger ledger,
      NoticeRenderer renderer,
      NoticeMailer mailer,
      SmsSender sms,
      @Value("${dunning.notifications.in-doubt-margin:10s}") Duration margin) {
    this.invoices = new OpenInvoices(jdbc);
    this.ledger = ledger;
    this.renderer = renderer;
    this.mailer = mailer;
    this.sms = sms;
    this.margin = margin;
  }

  @Override
  public MessageDelivery sendMessage(CustomerMessage message) {
    Set<String> carriedIds =
        message.notices().stream().map(MessageNotice::dunningId).collect(Collectors.toSet());
    List<OpenInvoice> open = invoices.of(message.provider(), message.customerId(), carriedIds);
    Set<String> openIds =
        open.stream().map(OpenInvoice::dunningId).collect(Collectors.toUnmodifiableSet());
    List<String> listed = open.stream().map(OpenInvoice::dunningId).toList();
    // A retry after the send answers as the send did, even if the invoices were paid since.
    Optional<String> sentBefore = ledger.sentTo(message.key());
    if (sentBefore.isPresent()) {
      return new MessageDelivery(true, sentBefore.get(), listed, "already sent");
    }
    List<MessageNotice> carried =
        message.notices().stream().filter(n -> openIds.contains(n.dunningId())).toList();
    if (carried.isEmpty()) {
      return new MessageDelivery(false, null, List.of(), NONE_OPEN);
    }
    List<PaymentDetails> payments = payments(open, carried);
    PaymentDetails last = carried.get(carried.size() - 1).payment();
    Locale locale = renderer.localeOf(last);
    Customer customer = last.customer();
    return switch (message.channel()) {
      case EMAIL -> {
        String email = customer == null ? null : customer.email();
        if (isBlank(email)) {
          yield skip(carried, Channel.EMAIL, null, "no email address");
        }
        String to = email.strip();
        RenderedEmail rendered = renderer.messageEmail(message.kind(), payments, locale);
        yield sendOnce(
            message,
            carried,
            listed,
            Channel.EMAIL,
            to,
            mailer.longestSend().plus(margin),
            () -> mailer.send(to, rendered, message.key()),
            () -> new SentText(rendered.subject(), rendered.text(), rendered.languageTag()));
      }
      case SMS -> {
        String phone = customer == null ? null : customer.phone();
        if (isBlank(phone)) {
          yield skip(carried, Channel.SMS, null, "no phone number");
        }
        String to = phone.strip();
        if (!sms.enabled()) {
          yield skip(carried, Channel.SMS, to, "SMS disabled: no provider configured");
        }
        String text = renderer.messageSms(message.kind(), payments, locale);
        yield sendOnce(
            message,
            carried,
            listed,
            Channel.SMS,
            to,
            sms.longestSend().plus(margin),
            () -> sms.send(to, text, message.key()),
            () -> new SentText(null, text, locale.toLanguageTag()));
      }
    };
  }

  /** The invoices to list: a carried dunning's as its notice saw it, any other's as recorded. */
  private static List<PaymentDetails> payments(
      List<OpenInvoice> open, List<MessageNotice> carried) {
    Map<String, PaymentDetails> asCarried = new HashMap<>();
    for (MessageNotice notice : carried) {
      asCarried.put(notice.dunningId(), notice.payment());
    }
    List<PaymentDetails> payments = new ArrayList<>();
    for (OpenInvoice invoice : open) {
      payments.add(asCarried.getOrDefault(invoice.dunningId(), invoice.payment()));
    }
    return payments;
  }

  private MessageDelivery sendOnce(
      CustomerMessage message,
      List<MessageNotice> carried,
      List<String> listed,
      Channel channel,
      String to,
      Duration abandonedAfter,
      Runnable send,
      Supplier<SentText> sent) {
    ClaimResult found =
        ledger.sendOnce(
            message.key(),
            carried.get(0).dunningId(),
            message.kind(),
            channel,
            to,
            abandonedAfter,
            send);
    if (found.claim() == NoticeLedger.Claim.SENT) {
      return new MessageDelivery(true, found.recipient(), listed, "already sent");
    }
    boolean takenOver = found.claim() == NoticeLedger.Claim.TAKEN_OVER;
    String note =
        CustomerNotifications.inWords(message.kind())
            + ", one message for "
            + listed.size()
            + (listed.size() == 1 ? " invoice" : " invoices")
            + " ("
            + message.key()
            + ")"
            + (takenOver ? ", " + CustomerNotifications.TAKEN_OVER_NOTE : "");
    ledger.markSent(message.key(), notices(carried), channel, to, note, sent.get());
    return new MessageDelivery(
        true, to, listed, takenOver ? CustomerNotifications.TAKEN_OVER_NOTE : null);
  }

  /** Not sent: said once in each carried dunning's log, under its notice's key; nothing listed. */
  private MessageDelivery skip(
      List<MessageNotice> carried, Channel channel, String to, String why) {
    for (Notice notice : notices(carried)) {
      ledger.logSkipped(notice, channel.notSentTitle(), why, to);
    }
    return new MessageDelivery(false, to, List.of(), why);
  }

  private static List<Notice> notices(List<MessageNotice> carried) {
    return carried.stream()
        .map(n -> new Notice(n.dunningId(), n.noticeKey(), n.kind(), n.payment()))
        .toList();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
