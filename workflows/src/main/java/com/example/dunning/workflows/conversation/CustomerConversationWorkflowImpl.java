package com.example.dunning.workflows.conversation;

import com.example.dunning.workflows.activities.CustomerActionActivities;
import com.example.dunning.workflows.activities.CustomerActionActivities.ActionRequest;
import com.example.dunning.workflows.activities.DatabaseWrites;
import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.model.CustomerActionResult;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.policy.QuietHours;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The handler decides each notice's moment at once; the main method records the deferrals in the
 * dunnings' logs, continues as new when the run is long, and ends once the customer has been quiet
 * for the longest cap window (the next request starts it again).
 */
public class CustomerConversationWorkflowImpl implements CustomerConversationWorkflow {

  /** Our own PostgreSQL, retried until it answers. */
  private final DunningRecordActivities records =
      Workflow.newActivityStub(DunningRecordActivities.class, DatabaseWrites.OPTIONS);

  /** Our PostgreSQL and Temporal, retried until they answer: the claims keep each signal single. */
  private final CustomerActionActivities customerActions =
      Workflow.newActivityStub(CustomerActionActivities.class, DatabaseWrites.OPTIONS);

  /** SMTP and the SMS provider, retried until they answer: the message's key keeps it single. */
  private final MessageActivities sender =
      Workflow.newActivityStub(
          MessageActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(60))
              .setRetryOptions(DatabaseWrites.OPTIONS.getRetryOptions())
              .build());

  private final String provider;
  private final String customerId;
  private MessageCaps caps;
  private final int requestsPerRun;
  private final List<ReservedNotice> reserved;
  private final CustomerMessages messages;
  private final List<DunningEvent> toRecord = new ArrayList<>();

  /** The actions answered in this run, by key; a later run asks the claims again. */
  private final Map<String, CustomerActionResult> actions = new HashMap<>();

  private final Set<String> actionsRunning = new HashSet<>();

  private int requests;
  private Instant lastRequestAt;

  @WorkflowInit
  public CustomerConversationWorkflowImpl(ConversationRun run) {
    this.provider = run.provider();
    this.customerId = run.customerId();
    this.caps = run.caps() == null ? MessageCaps.defaults() : run.caps();
    this.requestsPerRun = Math.max(1, run.requestsPerRun());
    this.reserved = new ArrayList<>(run.reserved() == null ? List.of() : run.reserved());
    this.messages =
        new CustomerMessages(
            Workflow.getInfo().getWorkflowId(),
            run.merging() == null ? MessageMerging.defaults() : run.merging(),
            run.messages() == null ? List.of() : run.messages());
    this.lastRequestAt = now();
  }

  @Override
  public void run(ConversationRun ignored) {
    while (true) {
      Instant nextMessage = messages.nextDue();
      Instant wake =
          nextMessage != null && nextMessage.isBefore(idleUntil()) ? nextMessage : idleUntil();
      Duration idle = Duration.between(now(), wake);
      if (!idle.isNegative() && !idle.isZero()) {
        Workflow.await(
            idle,
            () ->
                !toRecord.isEmpty()
                    || requests >= requestsPerRun
                    || !Objects.equals(messages.nextDue(), nextMessage));
      }
      recordDeferrals();
      sendDueMessages();
      if (requests >= requestsPerRun || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        recordDeferrals();
        prune();
        Workflow.continueAsNew(
            new ConversationRun(
                provider,
                customerId,
                caps,
                List.copyOf(reserved),
                requestsPerRun,
                messages.merging(),
                messages.all()));
        return;
      }
      if (!now().isBefore(idleUntil()) && messages.nextDue() == null) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        if (toRecord.isEmpty() && messages.nextDue() == null && !now().isBefore(idleUntil())) {
          return;
        }
      }
    }
  }

  @Override
  public NoticeSlot reserveNotice(NoticeRequest request) {
    requests++;
    if (request.caps() != null) {
      caps = request.caps();
    }
    if (request.merging() != null) {
      messages.merging(request.merging());
    }
    if (request.coordinatorSends()) {
      return sendForDunning(request);
    }
    for (ReservedNotice known : reserved) {
      if (known.key().equals(request.key())) {
        return NoticeSlot.of(known);
      }
    }
    Instant now = now();
    lastRequestAt = now;
    prune();
    MessageCaps.Decision decision =
        caps.decide(
            request.channel(),
            now,
            reserved,
            request.quietHours(),
            QuietHours.zoneOf(request.timeZone()));
    ReservedNotice notice =
        new ReservedNotice(
            request.key(),
            request.dunningId(),
            request.channel(),
            now,
            decision.at(),
            decision.heldBy() == null ? null : decision.heldBy().describe());
    reserved.add(notice);
    if (notice.deferred()) {
      toRecord.add(deferral(notice));
    }
    return NoticeSlot.of(notice);
  }

  @Override
  public void validateReserveNotice(NoticeRequest request) {
    if (request == null
        || request.dunningId() == null
        || request.key() == null
        || request.channel() == null) {
      throw new IllegalArgumentException("a notice needs its dunning id, key and channel");
    }
    if (request.coordinatorSends() && (request.kind() == null || request.payment() == null)) {
      throw new IllegalArgumentException(
          "a notice the coordinator sends needs its kind and invoice");
    }
  }

  /**
   * Runs in the handler, not the main method: only a customer action issues this activity, so the
   * runs recorded before it issue the same commands and replay unchanged.
   */
  @Override
  public CustomerActionResult customerAction(CustomerAction action) {
    requests++;
    String key = ConversationIds.actionKey(Workflow.getInfo().getWorkflowId(), action.requestId());
    if (actionsRunning.contains(key)) {
      Workflow.await(() -> actions.containsKey(key));
    }
    CustomerActionResult known = actions.get(key);
    if (known != null) {
      return known;
    }
    actionsRunning.add(key);
    CustomerActionResult result =
        customerActions.actForCustomer(
            new ActionRequest(
                key, provider, customerId, action.kind(), action.by(), action.paymentMethodId()));
    actions.put(key, result);
    actionsRunning.remove(key);
    return result;
  }

  @Override
  public void validateCustomerAction(CustomerAction action) {
    if (action == null || action.kind() == null) {
      throw new IllegalArgumentException("an action needs its kind");
    }
    ConversationIds.actionKey(Workflow.getInfo().getWorkflowId(), action.requestId());
  }

  @Override
  public void act(CustomerAction action) {
    try {
      validateCustomerAction(action);
    } catch (IllegalArgumentException refused) {
      Workflow.getLogger(CustomerConversationWorkflowImpl.class)
          .warn("customer action signal ignored: {}", refused.getMessage());
      return;
    }
    customerAction(action);
  }

  @Override
  public ConversationState state() {
    return new ConversationState(provider, customerId, caps, List.copyOf(reserved), messages.all());
  }

  /**
   * Puts the notice in a message the coordinator sends: one that already told the customer of its
   * invoice in no weaker words, else the one being gathered on its channel, else a new one, held
   * for the others to join and given its moment by the caps (counted once, however many join).
   */
  private NoticeSlot sendForDunning(NoticeRequest request) {
    NoticeSlot known = messages.slotOf(request.key());
    if (known != null) {
      return known;
    }
    Instant now = now();
    lastRequestAt = now;
    prune();
    MessageNotice notice =
        new MessageNotice(request.dunningId(), request.key(), request.kind(), request.payment());
    QueuedMessage told = messages.toldOf(notice, request.channel(), now);
    if (told != null) {
      QueuedMessage joined = messages.join(told, notice);
      toRecord.add(toldIn(joined, notice));
      return joined.slot();
    }
    QueuedMessage gathering = messages.gathering(request.channel());
    if (gathering != null) {
      QueuedMessage joined = messages.join(gathering, notice);
      if (joined.deferredBy() != null) {
        toRecord.add(deferral(notice.dunningId(), notice.noticeKey(), joined, now));
      }
      return joined.slot();
    }
    MessageCaps.Decision decision =
        caps.decide(
            request.channel(),
            now.plus(messages.merging().hold()),
            reserved,
            request.quietHours(),
            QuietHours.zoneOf(request.timeZone()));
    String heldBy = decision.heldBy() == null ? null : decision.heldBy().describe();
    QueuedMessage created = messages.open(request.channel(), notice, decision.at(), heldBy);
    reserved.add(
        new ReservedNotice(
            created.key(), request.dunningId(), request.channel(), now, decision.at(), heldBy));
    if (heldBy != null) {
      toRecord.add(deferral(notice.dunningId(), notice.noticeKey(), created, now));
    }
    return created.slot();
  }

  /** Sends every message that is due, one at a time; a notice asked meanwhile starts another. */
  private void sendDueMessages() {
    for (QueuedMessage due = messages.due(now()); due != null; due = messages.due(now())) {
      messages.sending(due);
      MessageDelivery delivery =
          sender.sendMessage(
              new CustomerMessage(
                  due.key(), provider, customerId, due.channel(), due.kind(), due.notices()));
      messages.sent(due.key(), now(), delivery);
    }
  }

  /** The line in a dunning's log that says its notice went out in an earlier message. */
  private static DunningEvent toldIn(QueuedMessage message, MessageNotice notice) {
    String note =
        "Told in one message for the customer's invoices ("
            + message.key()
            + ", sent "
            + message.sentAt()
            + ")";
    return new DunningEvent(
        notice.dunningId(),
        notice.noticeKey(),
        new LogEntry(
            message.sentAt(),
            message.channel() == Channel.EMAIL ? LogTitle.EMAIL_SENT : LogTitle.SMS_SENT,
            note,
            EntryStatus.SUCCESS,
            message.sentTo(),
            null),
        null,
        null);
  }

  /** The line in a dunning's log that says its notice waits for a message the caps deferred. */
  private static DunningEvent deferral(
      String dunningId, String noticeKey, QueuedMessage message, Instant askedAt) {
    return deferral(
        new ReservedNotice(
            noticeKey,
            dunningId,
            message.channel(),
            askedAt,
            message.sendAt(),
            message.deferredBy()));
  }

  /** The line in the dunning's log that says why its notice waits, keyed by the notice. */
  private static DunningEvent deferral(ReservedNotice notice) {
    String note =
        notice.channel()
            + " deferred to "
            + notice.sendAt()
            + ": cap "
            + notice.deferredBy()
            + " for this customer";
    return new DunningEvent(
        notice.dunningId(),
        notice.key() + ":deferred",
        LogEntry.of(notice.askedAt(), LogTitle.DEFERRED, note),
        null,
        null);
  }

  private void recordDeferrals() {
    while (!toRecord.isEmpty()) {
      List<DunningEvent> batch = List.copyOf(toRecord);
      toRecord.clear();
      records.recordEvents(batch);
    }
  }

  /** Forgets the notices that no cap counts any more: the state stays bounded. */
  private void prune() {
    Instant horizon = now().minus(caps.longestWindow());
    reserved.removeIf(notice -> notice.sendAt().isBefore(horizon));
    Instant toldSince = now().minus(messages.merging().window());
    messages.prune(toldSince.isBefore(horizon) ? toldSince : horizon);
  }

  /** The customer is idle once the last request and the last notice are a longest window old. */
  private Instant idleUntil() {
    Instant last = lastRequestAt;
    for (ReservedNotice notice : reserved) {
      if (notice.sendAt().isAfter(last)) {
        last = notice.sendAt();
      }
    }
    return last.plus(caps.longestWindow());
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
