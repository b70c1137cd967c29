package com.example.dunning.reliability.storm;

import com.example.dunning.dev.StripeWebhookSignature;
import com.example.dunning.reliability.storm.StormPlan.Invoice;
import com.example.dunning.reliability.storm.StormPlan.Step;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets the storm go: every invoice's steps in their order, the invoices interleaved as the plan
 * shuffled them, over {@code connections} concurrent connections; the copies of one event are sent
 * at the same time. A 503 is delivered again, as Stripe does.
 */
final class StormDelivery {

  private static final Pattern RESULT = Pattern.compile("\"result\":\"([a-z-]+)\"");
  private static final int REDELIVERIES = 20;

  private final HttpClient http;
  private final ExecutorService senders;
  private final ExecutorService copySenders = Executors.newCachedThreadPool();
  private final Function<String, URI> api;
  private final Function<String, URI> stripe;
  private final String secret;

  final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
  final AtomicInteger sent = new AtomicInteger();
  final AtomicInteger unavailable = new AtomicInteger();
  final List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());

  StormDelivery(
      int connections, Function<String, URI> api, Function<String, URI> stripe, String secret) {
    this.senders = Executors.newFixedThreadPool(connections);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.api = api;
    this.stripe = stripe;
    this.secret = secret;
  }

  /** Sends the whole plan and returns once every delivery has been answered. */
  void run(StormPlan plan) {
    Map<Invoice, CompletableFuture<Void>> last = new HashMap<>();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (Map.Entry<Invoice, Step> next : plan.interleaving) {
      CompletableFuture<Void> before =
          last.getOrDefault(next.getKey(), CompletableFuture.completedFuture(null));
      CompletableFuture<Void> step = before.thenRunAsync(() -> perform(next.getValue()), senders);
      last.put(next.getKey(), step);
      all.add(step);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
  }

  void close() {
    senders.shutdownNow();
    copySenders.shutdownNow();
  }

  private void perform(Step step) {
    if (step.standIn() != null) {
      HttpResponse<String> answer = send(HttpRequest.newBuilder(stripe.apply(step.standIn())), "");
      if (answer.statusCode() != 200) {
        refused.add("stand-in " + step.standIn() + ": " + answer.statusCode());
      }
      return;
    }
    List<CompletableFuture<Void>> copies = new ArrayList<>();
    for (int i = 1; i < step.copies(); i++) {
      copies.add(CompletableFuture.runAsync(() -> deliver(step), copySenders));
    }
    deliver(step);
    copies.forEach(CompletableFuture::join);
  }

  private void deliver(Step event) {
    for (int attempt = 0; attempt <= REDELIVERIES; attempt++) {
      HttpResponse<String> answer =
          send(
              HttpRequest.newBuilder(api.apply("/webhooks/stripe"))
                  .header("Content-Type", "application/json")
                  .header("Stripe-Signature", StripeWebhookSignature.now(event.payload(), secret)),
              event.payload());
      sent.incrementAndGet();
      if (answer.statusCode() == 503) {
        unavailable.incrementAndGet();
        continue;
      }
      if (answer.statusCode() != 200) {
        refused.add(event.eventId() + " " + answer.statusCode() + " " + answer.body());
        return;
      }
      Matcher result = RESULT.matcher(answer.body());
      String kind = result.find() ? result.group(1) : "ignored";
      answers
          .computeIfAbsent(event.type() + " " + kind, k -> new AtomicInteger())
          .incrementAndGet();
      return;
    }
    refused.add(event.eventId() + " still 503 after " + REDELIVERIES + " deliveries");
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String body) {
    try {
      return http.send(
          request
              .timeout(Duration.ofSeconds(60))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
