package com.example.dunning.reliability.topology;

import static org.awaitility.Awaitility.await;

import com.example.dunning.dev.StripeWebhookSignature;
import com.example.dunning.reliability.topology.TopologyStorm.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Delivers signed Stripe events to the two APIs (127.0.0.1 only) as Stripe does: a delivery
 * answered 503, refused or cut off is delivered again, every second for at most {@link
 * #REDELIVERY_WINDOW}; anything but 2xx or 503 is a refusal, not retried. Each API has its own
 * senders, so that one API down does not hold up the other's deliveries.
 */
final class WebhookSender implements AutoCloseable {

  static final Duration REDELIVERY_WINDOW = Duration.ofMinutes(4);
  static final int CONNECTIONS_PER_API = 6;
  private static final Pattern RESULT = Pattern.compile("\"result\":\"([a-z-]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final List<URI> webhooks;
  private final List<ExecutorService> senders = new ArrayList<>();

  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger answered = new AtomicInteger();
  final AtomicInteger unavailable = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  final Map<String, AtomicInteger> results = new ConcurrentHashMap<>();
  final List<String> rejected = Collections.synchronizedList(new ArrayList<>());
  final List<String> neverAnswered = Collections.synchronizedList(new ArrayList<>());

  WebhookSender(List<Integer> apiPorts) {
    webhooks =
        apiPorts.stream()
            .map(port -> URI.create("http://127.0.0.1:" + port + "/webhooks/stripe"))
            .toList();
    apiPorts.forEach(port -> senders.add(Executors.newFixedThreadPool(CONNECTIONS_PER_API)));
  }

  /** Sends the deliveries; the future completes once each has been answered or given up. */
  CompletableFuture<Void> send(List<Delivery> deliveries) {
    return CompletableFuture.allOf(
        deliveries.stream()
            .map(
                delivery ->
                    CompletableFuture.runAsync(
                        () -> deliver(delivery), senders.get(delivery.api())))
            .toArray(CompletableFuture[]::new));
  }

  private void deliver(Delivery delivery) {
    try {
      await()
          .atMost(REDELIVERY_WINDOW)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> attempt(delivery));
    } catch (ConditionTimeoutException e) {
      neverAnswered.add(delivery.eventId() + " to API " + (delivery.api() + 1));
    }
  }

  /** One delivery attempt: true when it is settled (2xx, or refused for good). */
  private boolean attempt(Delivery delivery) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(webhooks.get(delivery.api()))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header(
                "Stripe-Signature",
                StripeWebhookSignature.now(delivery.payload(), Topology.WEBHOOK_SECRET))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
            .build();
    requests.incrementAndGet();
    HttpResponse<String> answer;
    try {
      answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException downOrCutOff) {
      refused.incrementAndGet();
      return false;
    }
    if (answer.statusCode() == 503) {
      unavailable.incrementAndGet();
      return false;
    }
    if (answer.statusCode() / 100 != 2) {
      rejected.add(delivery.eventId() + " " + answer.statusCode() + " " + answer.body());
      return true;
    }
    answered.incrementAndGet();
    Matcher result = RESULT.matcher(answer.body());
    results
        .computeIfAbsent(result.find() ? result.group(1) : "other", kind -> new AtomicInteger())
        .incrementAndGet();
    return true;
  }

  @Override
  public void close() {
    senders.forEach(ExecutorService::shutdownNow);
  }
}
