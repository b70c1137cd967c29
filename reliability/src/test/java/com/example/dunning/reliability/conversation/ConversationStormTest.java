package com.example.dunning.reliability.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.dunning.dev.StripeWebhookSignature;
import com.example.dunning.reliability.conversation.ConversationNotices.Outcome;
import com.example.dunning.reliability.support.ProviderApis;
import com.example.dunning.reliability.support.ReliabilityStack;
import com.example.dunning.reliability.support.ScenarioReport;
import com.example.dunning.workflows.conversation.ConversationIds;
import com.example.dunning.workflows.dunning.DunningIds;
import com.icegreen.greenmail.store.StoredMessage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fifty failed invoices of the Stripe stand-in's one customer, {@code cus_demo}, as signed {@code
 * invoice.payment_failed} deliveries (about half sent two or three times, the copies shuffled among
 * the rest) within a few seconds, on the whole stack with {@code dunning.conversation.enabled}
 * ({@code dunning-worker-conversation-storm.yml}: a 3 s merge hold, steps 8 s apart, caps of 2
 * emails per 30 s and 1 SMS per 7 days) and a Twilio stand-in (WireMock). Once the schedule's
 * messages are out (every email notice of the notice, reminder and final-warning steps logged sent,
 * every SMS notice sent or deferred): the caps held at the SMTP server and at Twilio, every
 * handed-over notice is in a sent message or logged {@code DEFERRED}, and no message arrived twice.
 *
 * <p>The draw of copies is seeded; rerun one with {@code -Dconversation.storm.seed=<seed>}.
 */
class ConversationStormTest {

  private static final long DEFAULT_SEED = 20261208L;
  private static final int INVOICES = 50;
  private static final int CONNECTIONS = 8;
  private static final String CUSTOMER = "cus_demo";
  private static final String COORDINATOR = ConversationIds.workflowId("stripe", CUSTOMER);

  /** The profile's steps that send, with their channels. */
  private static final List<String> EMAIL_STEPS = List.of("notice", "retry-1", "final-warning");

  private static final List<String> SMS_STEPS = List.of("notice", "final-warning");

  /** The profile's caps. */
  private static final int EMAILS_PER_WINDOW = 2;

  private static final Duration EMAIL_WINDOW = Duration.ofSeconds(30);
  private static final int SMS_PER_WINDOW = 1;

  /**
   * The coordinator decides each message's moment on its clock; the SMTP server notes when the
   * message arrived, after its timer fired and the activity rendered and sent it. Two arrivals
   * count in one window when closer than the window less this much.
   */
  private static final Duration ARRIVAL_SLACK = Duration.ofSeconds(5);

  private static final String PHONE = "+15555550123";

  private static ProviderApis twilio;
  private static ReliabilityStack stack;

  @BeforeAll
  static void startTheStack() throws Exception {
    twilio = new ProviderApis();
    stack =
        ReliabilityStack.start(
            "conversation-storm",
            "--dunning.conversation.enabled=true",
            "--dunning.sms.twilio.base-url=" + twilio.baseUrl(),
            "--dunning.sms.twilio.account-sid=" + ProviderApis.TWILIO_ACCOUNT,
            "--dunning.sms.twilio.auth-token=reliability",
            "--dunning.sms.twilio.from=+15550000000");
  }

  @AfterAll
  static void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
    if (twilio != null) {
      twilio.close();
    }
  }

  @Test
  void givenFiftyFailedInvoicesOfOneCustomerDeliveredTwice_theCapsShouldHoldAndNoNoticeBeLost()
      throws Exception {
    long seed = Long.getLong("conversation.storm.seed", DEFAULT_SEED);
    Random random = new Random(seed);
    List<String> invoices = new ArrayList<>();
    List<String> deliveries = new ArrayList<>();
    int duplicated = 0;
    for (int i = 0; i < INVOICES; i++) {
      String invoice = "in_convstorm_" + i;
      invoices.add(invoice);
      int copies = random.nextBoolean() ? 2 + random.nextInt(2) : 1;
      duplicated += copies > 1 ? 1 : 0;
      for (int copy = 0; copy < copies; copy++) {
        deliveries.add(invoice);
      }
    }
    Collections.shuffle(deliveries, random);
    System.out.printf(
        "conversation storm: seed %d (rerun with -Dconversation.storm.seed=%d), %d invoices, %d"
            + " deliveries, %d invoices delivered 2-3 times%n",
        seed, seed, INVOICES, deliveries.size(), duplicated);

    long began = System.nanoTime();
    Map<String, AtomicInteger> answers = deliver(deliveries);
    double sendSeconds = (System.nanoTime() - began) / 1e9;
    System.out.printf(
        "conversation storm: %d deliveries in %.1f s: %s%n",
        deliveries.size(), sendSeconds, new TreeMap<>(answers));
    assertThat(answers.keySet()).as("answers to the deliveries").allMatch(a -> a.startsWith("200"));

    ConversationNotices ledger = new ConversationNotices(stack.database());
    List<String> emailNotices = new ArrayList<>();
    List<String> smsNotices = new ArrayList<>();
    for (String invoice : invoices) {
      String dunning = DunningIds.workflowId("stripe", invoice);
      EMAIL_STEPS.forEach(step -> emailNotices.add(dunning + ":" + step + ":email"));
      SMS_STEPS.forEach(step -> smsNotices.add(dunning + ":" + step + ":sms"));
    }
    // The schedule's messages are out: every email notice logged sent (the final warning's after
    // the cap let it go), every SMS notice sent or deferred (the final warning's, a week).
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                emailNotices.stream().allMatch(key -> ledger.of(key).sentTitle() != null)
                    && smsNotices.stream()
                        .map(ledger::of)
                        .allMatch(o -> o.sentTitle() != null || o.deferred()));
    double settledSeconds = (System.nanoTime() - began) / 1e9;

    int dunnings =
        stack
            .database()
            .queryForObject(
                "SELECT count(*) FROM failed_invoice WHERE dunning_id LIKE"
                    + " 'dunning-stripe-in_convstorm_%' AND status = 'ACTIVE'",
                Integer.class);
    assertThat(dunnings).as("dunnings ACTIVE, one per invoice").isEqualTo(INVOICES);

    // Nothing lost: each handed-over notice in a sent message, or deferred by a cap.
    List<Outcome> emails = emailNotices.stream().map(ledger::of).toList();
    List<Outcome> sms = smsNotices.stream().map(ledger::of).toList();
    List<String> lost = new ArrayList<>();
    for (Outcome outcome : concat(emails, sms)) {
      if (!outcome.inSentMessage() && !outcome.deferred()) {
        lost.add(outcome.toString());
      }
      if (outcome.deferred() && !outcome.deferredNote().contains("cap ")) {
        lost.add("deferred without its cap: " + outcome);
      }
    }
    assertThat(lost).as("notices neither in a sent message nor deferred").isEmpty();
    assertThat(emails)
        .as("email notices in a sent message")
        .allMatch(Outcome::inSentMessage)
        .allMatch(o -> "EMAIL SENT".equals(o.sentTitle()));
    assertThat(sms)
        .as("SMS notices sent as SMS SENT, if sent")
        .allMatch(o -> o.sentTitle() == null || "SMS SENT".equals(o.sentTitle()));

    // Each message key once at the SMTP server (by Message-ID, every message caught counted) and
    // at Twilio (by idempotency token), and what arrived is what the ledger says was sent.
    Map<String, String> emailMessages = ledger.messages(COORDINATOR, "EMAIL");
    Map<String, String> smsMessages = ledger.messages(COORDINATOR, "SMS");
    assertThat(concat(List.copyOf(emailMessages.values()), List.copyOf(smsMessages.values())))
        .as("the coordinator's messages in notification, all SENT")
        .containsOnly("SENT");
    List<StoredMessage> caught =
        stack.mail().getManagers().getImapHostManager().getAllMessages().stream()
            .sorted(Comparator.comparing(StoredMessage::getReceivedDate))
            .toList();
    List<String> messageIds = new ArrayList<>();
    for (StoredMessage message : caught) {
      messageIds.add(message.getMimeMessage().getMessageID());
    }
    assertThat(messageIds).as("Message-IDs at the SMTP server").doesNotHaveDuplicates();
    assertThat(messageIds)
        .as("mails at the SMTP server, one per email message SENT")
        .containsExactlyInAnyOrderElementsOf(
            emailMessages.keySet().stream().map(ConversationNotices::messageId).toList());
    List<String> texts = twilio.smsKeys(PHONE);
    assertThat(texts).as("SMS at Twilio, by idempotency token").doesNotHaveDuplicates();
    assertThat(texts)
        .as("SMS at Twilio, one per SMS message SENT")
        .containsExactlyInAnyOrderElementsOf(smsMessages.keySet());
    Set<String> named = new HashSet<>();
    concat(emails, sms).stream()
        .map(Outcome::messageKey)
        .filter(java.util.Objects::nonNull)
        .forEach(named::add);
    assertThat(named)
        .as("messages named by the dunnings' logs, every one sent")
        .isSubsetOf(concat(List.copyOf(emailMessages.keySet()), List.copyOf(smsMessages.keySet())));

    // The caps, at the SMTP server and at Twilio: 2 emails within any 30 s, 1 SMS within 7 days
    // (the whole test).
    List<Instant> arrivals =
        caught.stream().map(message -> message.getReceivedDate().toInstant()).toList();
    int mostEmails = mostWithin(arrivals, EMAIL_WINDOW.minus(ARRIVAL_SLACK));
    assertThat(mostEmails)
        .as(
            "emails arrived within %s of each other (cap %d per %s)",
            EMAIL_WINDOW.minus(ARRIVAL_SLACK), EMAILS_PER_WINDOW, EMAIL_WINDOW)
        .isLessThanOrEqualTo(EMAILS_PER_WINDOW);
    assertThat(texts.size())
        .as("SMS in the test (cap 1 per 7 days)")
        .isLessThanOrEqualTo(SMS_PER_WINDOW);

    long carried = emails.stream().filter(o -> !o.toldEarlier()).count();
    long told = emails.stream().filter(Outcome::toldEarlier).count();
    long emailDeferred = emails.stream().filter(Outcome::deferred).count();
    long smsSent = sms.stream().filter(Outcome::inSentMessage).count();
    long smsTold = sms.stream().filter(Outcome::toldEarlier).count();
    long smsDeferredOnly = sms.stream().filter(o -> o.deferred() && !o.inSentMessage()).count();
    List<String> gaps = new ArrayList<>();
    for (int i = 1; i < arrivals.size(); i++) {
      gaps.add(
          "%.1f"
              .formatted(Duration.between(arrivals.get(i - 1), arrivals.get(i)).toMillis() / 1e3));
    }
    String counted =
        ("%d email notices: %d in a sent message (%d carried, %d told by an earlier message that"
                + " listed the invoice), %d of them deferred first; %d SMS notices: %d in a sent"
                + " message (%d told earlier), %d deferred (a week); emails at SMTP %d = %d"
                + " message keys SENT, 0 Message-IDs twice, at most %d within %d s (gaps %s s);"
                + " SMS at Twilio %d = %d keys SENT, 0 twice; 0 notices lost")
            .formatted(
                emails.size(),
                emails.stream().filter(Outcome::inSentMessage).count(),
                carried,
                told,
                emailDeferred,
                sms.size(),
                smsSent,
                smsTold,
                smsDeferredOnly,
                messageIds.size(),
                emailMessages.size(),
                mostEmails,
                EMAIL_WINDOW.minus(ARRIVAL_SLACK).toSeconds(),
                String.join(", ", gaps),
                texts.size(),
                smsMessages.size());
    new ScenarioReport(
            "conversation-storm",
            "%d signed invoice.payment_failed deliveries over %d invoices of one customer (cus_demo),"
                    .formatted(deliveries.size(), INVOICES)
                + " %d delivered 2-3 times (copies shuffled among the rest), %d connections; switch on, hold 3 s, steps 8 s apart (notice email+SMS, reminder email, final warning email+SMS); caps 2 emails per 30 s, 1 SMS per 7 days; seed %d"
                    .formatted(duplicated, CONNECTIONS, seed),
            "duplicate deliveries, all within %.1f s; the schedule's notices of 50 dunnings falling due together"
                .formatted(sendSeconds),
            counted,
            "pass: every notice in a sent message or deferred, nothing twice, caps held; schedule out %.0f s after the first delivery"
                .formatted(settledSeconds))
        .publish();
  }

  /** The most instants within {@code window} of the earliest of them. */
  private static int mostWithin(List<Instant> sorted, Duration window) {
    int most = 0;
    for (int i = 0; i < sorted.size(); i++) {
      int j = i;
      while (j + 1 < sorted.size()
          && Duration.between(sorted.get(i), sorted.get(j + 1)).compareTo(window) < 0) {
        j++;
      }
      most = Math.max(most, j - i + 1);
    }
    return most;
  }

  /** Sends every delivery, the copies of one invoice's event at once, and gathers the answers. */
  private static Map<String, AtomicInteger> deliver(List<String> deliveries) throws Exception {
    Map<String, String> payloads = new ConcurrentHashMap<>();
    long created = Instant.now().getEpochSecond();
    Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
    try {
      List<CompletableFuture<Void>> sent = new ArrayList<>();
      for (String invoice : deliveries) {
        String payload =
            payloads.computeIfAbsent(
                invoice,
                id ->
                    """
                    {"id": "evt_%s", "object": "event", "type": "invoice.payment_failed",
                     "created": %d, "livemode": false,
                     "data": {"object": {"id": "%s", "object": "invoice", "customer": "%s",
                       "customer_email": "jenny.rosen@example.com", "amount_due": 1999,
                       "currency": "usd", "attempt_count": 1, "next_payment_attempt": null,
                       "status": "open"}}}
                    """
                        .formatted(id, created, id, CUSTOMER));
        sent.add(
            CompletableFuture.runAsync(
                () -> {
                  String answer = post(http, payload);
                  answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
                },
                senders));
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    } finally {
      senders.shutdownNow();
    }
    return answers;
  }

  private static String post(HttpClient http, String payload) {
    HttpRequest request =
        StripeWebhookSignature.delivery(stack.api("/webhooks/stripe"), payload)
            .timeout(Duration.ofSeconds(60))
            .build();
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      String result = answer.body().replaceAll(".*\"result\":\"([a-z-]+)\".*", "$1");
      return answer.statusCode() + " " + (result.length() < 20 ? result : "?");
    } catch (IOException e) {
      return "refused " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream())
        .collect(Collectors.toList());
  }
}
