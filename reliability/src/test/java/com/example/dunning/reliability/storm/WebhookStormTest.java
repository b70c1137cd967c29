package com.example.dunning.reliability.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.dunning.dev.DevStack;
import com.example.dunning.reliability.storm.StormPlan.Invoice;
import com.example.dunning.reliability.support.DunningStates;
import com.example.dunning.reliability.support.RecordedHistories;
import com.example.dunning.reliability.support.ReliabilityStack;
import com.example.dunning.reliability.support.ScenarioReport;
import com.example.dunning.reliability.support.SharedStack;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * At least 2,000 signed Stripe deliveries over at least 600 invoices, through the API's webhook
 * over 16 connections, on the whole stack with the real worker: events duplicated (at once and
 * later), paid before failed, failed after paid, voided, uncollectible and subscriptions deleted in
 * between. Then: one workflow for each invoice that failed and none for those paid at once,
 * PostgreSQL agreeing, every notice mailed at most once and every still-failing invoice's first
 * notice exactly once, and each dunning in the state its events imply, by query and in PostgreSQL.
 *
 * <p>The seed is printed; rerun one with {@code -Dstorm.seed=<seed>}.
 */
class WebhookStormTest {

  private static final long DEFAULT_SEED = 20261127L;
  private static final int CONNECTIONS = 16;

  /** The storm's invoices; other classes of the suite share the stack with other ids. */
  private static final String DUNNINGS = "dunning-stripe-in_storm_";

  private static ReliabilityStack stack;

  @BeforeAll
  static void startTheStack() throws Exception {
    stack = SharedStack.get();
  }

  @Test
  void givenAShuffledStormOfDuplicatedDeliveries_whenItSettles_eachInvoiceShouldEndAsItsEventsSay()
      throws Exception {
    long seed = Long.getLong("storm.seed", DEFAULT_SEED);
    StormPlan plan = StormPlan.draw(seed, 600, 2_000);
    long[] events = plan.eventsAndDuplicated();
    System.out.printf(
        "webhook storm: seed %d (rerun with -Dstorm.seed=%d), %d invoices, %d deliveries of %d"
            + " events, %d of them delivered more than once%n",
        seed, seed, plan.invoices.size(), plan.deliveries(), events[0], events[1]);
    assertThat(plan.invoices).hasSizeGreaterThanOrEqualTo(500);
    assertThat(plan.deliveries()).isGreaterThanOrEqualTo(2_000);
    assertThat((double) events[1] / events[0]).isGreaterThanOrEqualTo(0.30);

    long began = System.nanoTime();
    StormDelivery delivery =
        new StormDelivery(CONNECTIONS, stack::api, stack::stripe, DevStack.DEV_WEBHOOK_SECRET);
    try {
      delivery.run(plan);
    } finally {
      delivery.close();
    }
    double sendSeconds = (System.nanoTime() - began) / 1e9;
    System.out.printf(
        "webhook storm: %d requests in %.1f s (%.0f/s), %d answered 503 and sent again; %s%n",
        delivery.sent.get(),
        sendSeconds,
        delivery.sent.get() / sendSeconds,
        delivery.unavailable.get(),
        new TreeMap<>(delivery.answers));
    assertThat(delivery.refused).as("deliveries not answered 200").isEmpty();

    Map<String, Invoice> byDunning =
        plan.invoices.stream()
            .collect(
                Collectors.toMap(
                    invoice -> DunningIds.workflowId("stripe", invoice.id()), invoice -> invoice));
    settle(plan);
    double settledSeconds = (System.nanoTime() - began) / 1e9;

    // One workflow per invoice that failed, none for those paid at once.
    int workflows = 0;
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Invoice> entry : byDunning.entrySet()) {
      Invoice invoice = entry.getValue();
      try {
        WorkflowExecutionStatus status =
            stack.temporal().newUntypedWorkflowStub(entry.getKey()).describe().getStatus();
        workflows++;
        WorkflowExecutionStatus expected =
            invoice.story().outcome == DunningStatus.ACTIVE
                ? WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
                : WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;
        if (invoice.story().outcome == null || status != expected) {
          wrong.add(invoice.id() + " " + invoice.story() + ": workflow " + status);
        }
      } catch (WorkflowNotFoundException none) {
        if (invoice.story().outcome != null) {
          wrong.add(invoice.id() + " " + invoice.story() + ": no workflow");
        }
      }
    }
    assertThat(wrong).as("workflows").isEmpty();
    long expectedWorkflows =
        plan.invoices.stream().filter(invoice -> invoice.story().outcome != null).count();
    assertThat(workflows).isEqualTo(expectedWorkflows);

    // PostgreSQL: exactly the expected dunnings, each once, each in its final state.
    Map<String, String> recorded = new HashMap<>();
    stack
        .database()
        .query(
            "SELECT dunning_id, status FROM failed_invoice WHERE dunning_id LIKE ?",
            row -> {
              recorded.put(row.getString(1), row.getString(2));
            },
            DUNNINGS + "%");
    Map<String, String> expectedRecords =
        byDunning.entrySet().stream()
            .filter(entry -> entry.getValue().story().outcome != null)
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, entry -> entry.getValue().story().outcome.name()));
    assertThat(recorded).isEqualTo(expectedRecords);

    // The state query agrees with the events and with PostgreSQL.
    Map<String, DunningState> states = DunningStates.of(stack.temporal(), expectedRecords.keySet());
    for (Map.Entry<String, DunningState> entry : states.entrySet()) {
      Invoice invoice = byDunning.get(entry.getKey());
      DunningState state = entry.getValue();
      if (state.status() != invoice.story().outcome
          || !state.status().name().equals(recorded.get(entry.getKey()))
          || state.attemptCount() != invoice.attemptCount()) {
        wrong.add(
            invoice.id()
                + " "
                + invoice.story()
                + ": state "
                + state.status()
                + " attempts "
                + state.attemptCount()
                + ", recorded "
                + recorded.get(entry.getKey()));
      }
    }
    assertThat(wrong).as("states").isEmpty();

    // Mail: each notice at most once, each still-failing invoice's first notice exactly once.
    MimeMessage[] mails =
        Arrays.stream(stack.mail().getReceivedMessages())
            .filter(mail -> dunningId(mail).startsWith(DUNNINGS))
            .toArray(MimeMessage[]::new);
    Map<String, Long> perNotice =
        Arrays.stream(mails)
            .collect(Collectors.groupingBy(WebhookStormTest::messageId, Collectors.counting()));
    Map<String, Long> perRecipientAndKind =
        Arrays.stream(mails)
            .collect(
                Collectors.groupingBy(
                    mail -> recipient(mail) + " " + kind(mail),
                    TreeMap::new,
                    Collectors.counting()));
    assertThat(perNotice).allSatisfy((notice, count) -> assertThat(count).as(notice).isEqualTo(1));
    Map<String, Long> noticesPerDunning =
        Arrays.stream(mails)
            .filter(mail -> kind(mail).equals("NOTICE"))
            .collect(Collectors.groupingBy(WebhookStormTest::dunningId, Collectors.counting()));
    for (Map.Entry<String, Invoice> entry : byDunning.entrySet()) {
      Invoice invoice = entry.getValue();
      long notices = noticesPerDunning.getOrDefault(entry.getKey(), 0L);
      if (notices < invoice.minNotices() || notices > invoice.maxNotices()) {
        wrong.add(invoice.id() + " " + invoice.story() + ": " + notices + " first notices");
      }
    }
    assertThat(wrong).as("first notices").isEmpty();
    assertThat(noticesPerDunning.keySet()).isSubsetOf(expectedRecords.keySet());
    assertThat(Arrays.stream(mails).map(WebhookStormTest::kind).distinct()).containsOnly("NOTICE");
    Integer ledger =
        stack
            .database()
            .queryForObject(
                "SELECT count(*) FROM notification WHERE channel = 'EMAIL' AND sent_at IS NOT NULL"
                    + " AND dunning_id LIKE ?",
                Integer.class,
                DUNNINGS + "%");
    assertThat(ledger).isEqualTo(mails.length);

    keepOneHistoryPerStory(plan);
    long stillFailing = count(plan, Story.STILL_FAILING);
    new ScenarioReport(
            "webhook-storm",
            "%,d signed deliveries (%,d requests) of %,d events over %,d invoices, %d connections,"
                    .formatted(
                        plan.deliveries(),
                        delivery.sent.get(),
                        events[0],
                        plan.invoices.size(),
                        CONNECTIONS)
                + " %.0f%% of events delivered 2-3 times; seed %d"
                    .formatted(100.0 * events[1] / events[0], seed),
            "order shuffled: paid before failed %d, failed after paid %d, void / uncollectible %d (%d before the failure), subscription deleted %d; %d answered 503 and sent again"
                .formatted(
                    count(plan, Story.PAID_BEFORE_FAILED),
                    count(plan, Story.FAILED_THEN_PAID),
                    count(plan, Story.VOIDED) + count(plan, Story.UNCOLLECTIBLE),
                    plan.invoices.stream()
                        .filter(invoice -> invoice.story().outcome == DunningStatus.CANCELLED)
                        .filter(invoice -> invoice.maxNotices() == 0)
                        .count(),
                    count(plan, Story.SUBSCRIPTION_DELETED),
                    delivery.unavailable.get()),
            "workflows %d of %d expected, none for %d paid at once; PostgreSQL rows %d; final states (query = PostgreSQL) %s; mails %d, %d notices sent twice; first notices: %d of %d still failing exactly once"
                .formatted(
                    workflows,
                    expectedWorkflows,
                    count(plan, Story.PAID_FIRST_TRY),
                    recorded.size(),
                    recorded.values().stream()
                        .collect(
                            Collectors.groupingBy(
                                Function.identity(), TreeMap::new, Collectors.counting())),
                    mails.length,
                    perNotice.values().stream().filter(count -> count > 1).count(),
                    stillFailing,
                    stillFailing),
            "pass: sent in %.0f s (%.0f requests/s), settled %.0f s after the first"
                .formatted(sendSeconds, delivery.sent.get() / sendSeconds, settledSeconds))
        .publish();
    System.out.println("webhook storm: mails per recipient and kind " + perRecipientAndKind);
  }

  /** Waits for every dunning that must end to end, and every still-failing one to mail once. */
  private static void settle(StormPlan plan) throws Exception {
    for (Invoice invoice : plan.invoices) {
      DunningStatus outcome = invoice.story().outcome;
      if (outcome == null || outcome == DunningStatus.ACTIVE) {
        continue;
      }
      DunningResult result =
          stack
              .temporal()
              .newUntypedWorkflowStub(DunningIds.workflowId("stripe", invoice.id()))
              .getResult(120, TimeUnit.SECONDS, DunningResult.class);
      assertThat(result.outcome()).as(invoice.id() + " " + invoice.story()).isEqualTo(outcome);
    }
    List<String> stillFailing =
        plan.invoices.stream()
            .filter(invoice -> invoice.story() == Story.STILL_FAILING)
            .map(invoice -> DunningIds.workflowId("stripe", invoice.id()))
            .toList();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                Arrays.stream(stack.mail().getReceivedMessages())
                    .map(WebhookStormTest::dunningId)
                    .collect(Collectors.toSet())
                    .containsAll(stillFailing));
  }

  /** For {@code ReliabilityReplayTest}: the first dunning of each story, when recording. */
  private static void keepOneHistoryPerStory(StormPlan plan) throws IOException {
    for (Story story : Story.values()) {
      Invoice first =
          plan.invoices.stream()
              .filter(invoice -> invoice.story() == story && story.outcome != null)
              .findFirst()
              .orElse(null);
      if (first != null) {
        RecordedHistories.keep(
            stack.temporal(),
            DunningIds.workflowId("stripe", first.id()),
            "storm-" + story.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
    }
  }

  private static long count(StormPlan plan, Story story) {
    return plan.invoices.stream().filter(invoice -> invoice.story() == story).count();
  }

  /** The notice key the mailer wrote into the Message-ID: dunning id, step, channel. */
  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String dunningId(MimeMessage mail) {
    String id = messageId(mail);
    return id.substring(1, id.indexOf('.'));
  }

  private static String recipient(MimeMessage mail) {
    try {
      return Arrays.stream(mail.getAllRecipients())
          .map(Object::toString)
          .collect(Collectors.joining(","));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The notice kind, from the subject line of its template. */
  private static String kind(MimeMessage mail) {
    String subject;
    try {
      subject = mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
    if (subject.startsWith("Your payment of")) {
      return "NOTICE";
    }
    if (subject.startsWith("Reminder:")) {
      return "REMINDER";
    }
    if (subject.startsWith("Final notice:")) {
      return "FINAL_WARNING";
    }
    if (subject.startsWith("Expired:")) {
      return "EXPIRED";
    }
    if (subject.startsWith("Thank you:")) {
      return "RECOVERED";
    }
    return "OTHER: " + subject;
  }
}
