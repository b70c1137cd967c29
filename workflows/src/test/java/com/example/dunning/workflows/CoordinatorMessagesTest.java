package com.example.dunning.workflows;

import static com.example.dunning.workflows.testing.MockActivities.mockActivities;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.example.dunning.workflows.activities.CustomerActionActivities;
import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.client.ConversationStart;
import com.example.dunning.workflows.conversation.Channel;
import com.example.dunning.workflows.conversation.ConversationIds;
import com.example.dunning.workflows.conversation.ConversationRun;
import com.example.dunning.workflows.conversation.CustomerConversationWorkflow;
import com.example.dunning.workflows.conversation.CustomerConversationWorkflowImpl;
import com.example.dunning.workflows.conversation.CustomerMessage;
import com.example.dunning.workflows.conversation.MessageActivities;
import com.example.dunning.workflows.conversation.MessageCap;
import com.example.dunning.workflows.conversation.MessageCaps;
import com.example.dunning.workflows.conversation.MessageDelivery;
import com.example.dunning.workflows.conversation.MessageMerging;
import com.example.dunning.workflows.conversation.MessageNotice;
import com.example.dunning.workflows.conversation.NoticeRequest;
import com.example.dunning.workflows.conversation.NoticeSlot;
import com.example.dunning.workflows.conversation.QueuedMessage;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.policy.NoticeKind;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * A customer's coordinator sending the notices dunnings hand to it, merged into one message, on the
 * test server with skipped time. The send activity is a stand-in that lists the invoices the
 * message carries and any the test says are open besides.
 */
class CoordinatorMessagesTest {

  private static final Instant MONDAY_9 = Instant.parse("2026-12-07T09:00:00Z");
  private static final String PROVIDER = "stripe";
  private static final String CUSTOMER = "cus_42";
  private static final String ID = ConversationIds.workflowId(PROVIDER, CUSTOMER);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final DunningRecordActivities records = mockActivities(DunningRecordActivities.class);
  private final CustomerActionActivities customerActions =
      mockActivities(CustomerActionActivities.class);
  private final MessageActivities sender = mockActivities(MessageActivities.class);

  /** Every message sent, in order, with the test server's time of each. */
  private final List<CustomerMessage> sent = new ArrayList<>();

  private final List<Instant> sentAt = new ArrayList<>();

  /** Dunnings the stand-in lists as open besides those a message carries. */
  private final Set<String> alsoOpen = new HashSet<>();

  @RegisterExtension
  final HistoryRecorder histories = HistoryRecorder.conversation(ID, () -> client);

  @BeforeEach
  void startTemporal() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setInitialTime(MONDAY_9).build());
    Worker worker = env.newWorker(DunningIds.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(CustomerConversationWorkflowImpl.class);
    worker.registerActivitiesImplementations(records, customerActions, sender);
    when(sender.sendMessage(any())).thenAnswer(call -> send(call.getArgument(0)));
    client = env.getWorkflowClient();
    env.start();
  }

  @AfterEach
  void stopTemporal() {
    env.close();
  }

  @Test
  void givenThreeInvoicesFailingWithinAnHour_itShouldSendOneFirstNoticeListingThree() {
    NoticeSlot first = ask("in_1", "notice", Channel.EMAIL, NoticeKind.NOTICE);
    env.sleep(Duration.ofMinutes(20));
    NoticeSlot second = ask("in_2", "notice", Channel.EMAIL, NoticeKind.NOTICE);
    env.sleep(Duration.ofMinutes(30));
    NoticeSlot third = ask("in_3", "notice", Channel.EMAIL, NoticeKind.NOTICE);
    env.sleep(Duration.ofHours(2));

    assertThat(sent).hasSize(1);
    CustomerMessage message = sent.get(0);
    assertThat(message.key()).isEqualTo(ID + ":message:" + key("in_1", "notice", Channel.EMAIL));
    assertThat(message.kind()).isEqualTo(NoticeKind.NOTICE);
    assertThat(message.notices())
        .extracting(MessageNotice::dunningId)
        .containsExactly(dunning("in_1"), dunning("in_2"), dunning("in_3"));
    // Held an hour after the first notice for the others to join.
    assertThat(sentAt.get(0))
        .isBetween(MONDAY_9.plus(Duration.ofHours(1)), MONDAY_9.plus(Duration.ofMinutes(61)));
    assertThat(List.of(first, second, third))
        .allSatisfy(
            slot -> {
              assertThat(slot.messageKey()).isEqualTo(message.key());
              assertThat(slot.deferredBy()).isNull();
            });

    // Three days on, in_3 is paid and asks no more: the next reminder carries the other two.
    env.sleep(Duration.ofDays(3).minus(Duration.ofMinutes(170)));
    ask("in_1", "retry-1", Channel.EMAIL, NoticeKind.REMINDER);
    env.sleep(Duration.ofMinutes(20));
    ask("in_2", "retry-1", Channel.EMAIL, NoticeKind.REMINDER);
    env.sleep(Duration.ofHours(2));

    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).kind()).isEqualTo(NoticeKind.REMINDER);
    assertThat(sent.get(1).notices())
        .extracting(MessageNotice::dunningId)
        .containsExactly(dunning("in_1"), dunning("in_2"));
  }

  @Test
  void givenAMessageThatListedAnInvoice_itShouldCountItsNoticeAsToldUnlessItsWordsAreStronger() {
    alsoOpen.add(dunning("in_2"));
    ask("in_1", "notice", Channel.EMAIL, NoticeKind.NOTICE);
    env.sleep(Duration.ofHours(5));

    NoticeSlot told = ask("in_2", "notice", Channel.EMAIL, NoticeKind.NOTICE);
    NoticeSlot stronger = ask("in_2", "final-warning", Channel.EMAIL, NoticeKind.FINAL_WARNING);
    env.sleep(Duration.ofDays(1));

    assertThat(sent).hasSize(2);
    assertThat(told.messageKey()).isEqualTo(sent.get(0).key());
    assertThat(told.sendAt()).isEqualTo(coordinator().state().messages().get(0).sentAt());
    assertThat(stronger.messageKey()).isEqualTo(sent.get(1).key());
    assertThat(stronger.deferredBy()).isEqualTo("1 EMAIL per 1 day");
    List<QueuedMessage> messages = coordinator().state().messages();
    assertThat(messages.get(1).sendAt())
        .isEqualTo(messages.get(0).sendAt().plus(Duration.ofDays(1)));
    assertThat(sent.get(1).kind()).isEqualTo(NoticeKind.FINAL_WARNING);
    assertThat(recorded())
        .filteredOn(event -> event.dunningId().equals(dunning("in_2")))
        .extracting(DunningEvent::key, event -> event.entry().title())
        .containsExactly(
            tuple(key("in_2", "notice", Channel.EMAIL), LogTitle.EMAIL_SENT),
            tuple(key("in_2", "final-warning", Channel.EMAIL) + ":deferred", LogTitle.DEFERRED));
  }

  @Test
  void givenAStormOfFiftyInvoicesDeliveredTwice_itShouldSendOneMessagePerChannelCarryingEach() {
    for (int invoice = 1; invoice <= 50; invoice++) {
      for (int delivery = 1; delivery <= 2; delivery++) {
        ask("in_" + invoice, "notice", Channel.EMAIL, NoticeKind.NOTICE);
        ask("in_" + invoice, "notice", Channel.SMS, NoticeKind.NOTICE);
      }
      if (invoice % 10 == 0) {
        env.sleep(Duration.ofMinutes(5));
      }
    }
    // A second wave a day and a half later, beyond the window: one message more per channel,
    // deferred where a cap says so, never dropped.
    env.sleep(Duration.ofHours(36));
    for (int invoice = 1; invoice <= 50; invoice++) {
      ask("in_" + invoice, "retry-1", Channel.EMAIL, NoticeKind.REMINDER);
      ask("in_" + invoice, "retry-1", Channel.SMS, NoticeKind.REMINDER);
    }
    env.sleep(Duration.ofDays(8));

    assertThat(sent).extracting(CustomerMessage::channel).hasSize(4);
    for (Channel channel : Channel.values()) {
      List<CustomerMessage> onChannel =
          sent.stream().filter(message -> message.channel() == channel).toList();
      assertThat(onChannel).hasSize(2);
      List<String> carried =
          onChannel.stream()
              .flatMap(message -> message.notices().stream())
              .map(MessageNotice::noticeKey)
              .toList();
      assertThat(carried).hasSize(100).doesNotHaveDuplicates();
    }
    List<QueuedMessage> messages = coordinator().state().messages();
    assertThat(messages).hasSize(4).allSatisfy(message -> assertThat(message.done()).isTrue());
    List<Instant> sms =
        messages.stream()
            .filter(message -> message.channel() == Channel.SMS)
            .map(QueuedMessage::sendAt)
            .toList();
    assertThat(Duration.between(sms.get(0), sms.get(1))).isGreaterThanOrEqualTo(Duration.ofDays(7));
  }

  @Test
  void givenAGatheringMessage_whenTheCoordinatorContinuesAsNew_itShouldCarryItAndSendItOnce() {
    WorkflowClient.start(
        client.newWorkflowStub(
                CustomerConversationWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(ID)
                    .setTaskQueue(DunningIds.TASK_QUEUE)
                    .build())
            ::run,
        new ConversationRun(PROVIDER, CUSTOMER, MessageCaps.defaults(), List.of(), 5));
    for (int invoice = 1; invoice <= 7; invoice++) {
      ask("in_" + invoice, "notice", Channel.EMAIL, NoticeKind.NOTICE);
      env.sleep(Duration.ofMinutes(1));
    }
    env.sleep(Duration.ofHours(2));

    // Each run serves at most 5 requests, so its history stays short however many come.
    assertThat(HistoryRecorder.runs(client, ID))
        .hasSizeGreaterThan(1)
        .allSatisfy(run -> assertThat(run.getEvents()).hasSizeLessThan(20 * 5));
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).notices()).hasSize(7);
    assertThat(ask("in_1", "notice", Channel.EMAIL, NoticeKind.NOTICE).messageKey())
        .isEqualTo(sent.get(0).key());
  }

  @Test
  void givenASendThatFailsOnce_itShouldRetryUnderTheSameKeyAndMarkTheMessageSentOnce() {
    AtomicBoolean failed = new AtomicBoolean();
    List<String> attempts = new ArrayList<>();
    doAnswer(
            call -> {
              CustomerMessage message = call.getArgument(0);
              attempts.add(message.key());
              if (failed.compareAndSet(false, true)) {
                throw ApplicationFailure.newFailure("SMTP went away", "MailSendException");
              }
              return send(message);
            })
        .when(sender)
        .sendMessage(any());
    ask("in_1", "notice", Channel.EMAIL, NoticeKind.NOTICE);
    ask("in_2", "notice", Channel.EMAIL, NoticeKind.NOTICE);
    env.sleep(Duration.ofHours(2));

    assertThat(attempts).hasSize(2).containsOnly(sent.get(0).key());
    assertThat(sent).hasSize(1);
    assertThat(coordinator().state().messages())
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.done()).isTrue();
              assertThat(message.listed()).containsExactly(dunning("in_1"), dunning("in_2"));
            });
  }

  @Test
  void givenRulesOnARequest_itShouldHoldAndCapByThemFromThatNoticeOn() {
    MessageMerging fiveMinutes = new MessageMerging(Duration.ofMinutes(5), Duration.ofDays(1));
    MessageCaps twoADay =
        new MessageCaps(List.of(new MessageCap(Channel.EMAIL, 2, Duration.ofDays(1))));
    NoticeSlot first =
        ConversationStart.reserveNotice(
            client,
            PROVIDER,
            CUSTOMER,
            request("in_1", "notice", Channel.EMAIL, NoticeKind.NOTICE)
                .withRules(twoADay, fiveMinutes));
    env.sleep(Duration.ofHours(1));
    NoticeSlot stronger =
        ConversationStart.reserveNotice(
            client,
            PROVIDER,
            CUSTOMER,
            request("in_1", "final-warning", Channel.EMAIL, NoticeKind.FINAL_WARNING)
                .withRules(twoADay, fiveMinutes));
    env.sleep(Duration.ofHours(1));

    assertThat(sent).hasSize(2);
    assertThat(first.sendAt())
        .isBetween(MONDAY_9.plus(Duration.ofMinutes(5)), MONDAY_9.plus(Duration.ofMinutes(6)));
    // With the default caps the second email would wait a day; two a day let it go in 5 minutes.
    assertThat(stronger.deferredBy()).isNull();
    assertThat(Duration.between(first.sendAt(), stronger.sendAt()))
        .isBetween(Duration.ofMinutes(60), Duration.ofMinutes(61));
    assertThat(coordinator().state().caps()).isEqualTo(twoADay);
  }

  private MessageDelivery send(CustomerMessage message) {
    sent.add(message);
    sentAt.add(Instant.ofEpochMilli(env.currentTimeMillis()));
    List<String> listed = new ArrayList<>();
    message.notices().forEach(notice -> listed.add(notice.dunningId()));
    listed.addAll(alsoOpen);
    return new MessageDelivery(true, "jenny@example.com", List.copyOf(listed), null);
  }

  private NoticeSlot ask(String invoice, String step, Channel channel, NoticeKind kind) {
    return ConversationStart.reserveNotice(
        client, PROVIDER, CUSTOMER, request(invoice, step, channel, kind));
  }

  private static NoticeRequest request(
      String invoice, String step, Channel channel, NoticeKind kind) {
    return new NoticeRequest(
        dunning(invoice),
        key(invoice, step, channel),
        channel,
        null,
        null,
        kind,
        DunningFixtures.payment(InvoiceStatus.OPEN),
        true);
  }

  private static String dunning(String invoice) {
    return DunningIds.workflowId(PROVIDER, invoice);
  }

  private static String key(String invoice, String step, Channel channel) {
    return dunning(invoice) + ":" + step + ":" + channel.name().toLowerCase(Locale.ROOT);
  }

  private CustomerConversationWorkflow coordinator() {
    return client.newWorkflowStub(CustomerConversationWorkflow.class, ID);
  }

  @SuppressWarnings("unchecked")
  private List<DunningEvent> recorded() {
    ArgumentCaptor<List<DunningEvent>> batches = ArgumentCaptor.forClass(List.class);
    verify(records, atLeastOnce()).recordEvents(batches.capture());
    return batches.getAllValues().stream().flatMap(List::stream).toList();
  }
}
