package com.example.dunning.activities.events;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's events from the worker, outside Temporal: no action, no history event, and a
 * receiver that is down never holds up a dunning. It claims due deliveries, POSTs each signed, and
 * records the answer: a 2xx delivers it, anything else is tried again with backoff until the
 * give-up time, then recorded as failed. A delivery whose worker died mid-send is claimed again
 * when its lease runs out and goes out with the same id. Runs only when endpoints are configured.
 */
@Component
public class EventDeliveryLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventDeliveryLoop.class);

  /** Deliveries at once: one slow receiver holds up only its own. */
  static final int CONCURRENCY = 4;

  private static final int BATCH = CONCURRENCY * 4;

  private final EventEndpoints endpoints;
  private final EventDeliveries deliveries;
  private final Clock clock;
  private final EventSender sender;
  private final ExecutorService senders;
  private ScheduledExecutorService poller;

  @Autowired
  public EventDeliveryLoop(EventEndpoints endpoints, EventDeliveries deliveries) {
    this(endpoints, deliveries, Clock.systemUTC());
  }

  public EventDeliveryLoop(EventEndpoints endpoints, EventDeliveries deliveries, Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.clock = clock;
    this.sender = new EventSender(endpoints.timeout());
    this.senders =
        Executors.newFixedThreadPool(
            CONCURRENCY,
            r -> {
              Thread thread = new Thread(r, "event-delivery");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * How long a claim holds: past the longest an attempt can take (connecting, then waiting for the
   * answer), so a live attempt is never claimed twice.
   */
  Duration lease() {
    return endpoints.timeout().multipliedBy(2).plusSeconds(30);
  }

  /**
   * Delivers what is due now, in batches, until nothing is (each dunning's events one after the
   * other); returns how many attempts were made.
   */
  public int deliverDue() throws InterruptedException {
    int attempts = 0;
    List<String> keys = endpoints.all().stream().map(EventEndpoint::key).toList();
    while (true) {
      Instant now = clock.instant();
      Instant leasedUntil = now.plus(lease()).truncatedTo(ChronoUnit.MILLIS);
      List<EventDeliveries.Claimed> claimed = deliveries.claim(keys, now, leasedUntil, BATCH);
      List<Future<?>> running = new ArrayList<>();
      for (EventDeliveries.Claimed delivery : claimed) {
        running.add(senders.submit(() -> attempt(delivery)));
      }
      for (Future<?> attempt : running) {
        try {
          attempt.get();
        } catch (ExecutionException e) {
          log.warn("an event delivery attempt failed unexpectedly", e.getCause());
        }
      }
      attempts += claimed.size();
      // A delivered event makes the next one of its dunning due; a failed one waits its backoff.
      if (claimed.isEmpty()) {
        return attempts;
      }
    }
  }

  private void attempt(EventDeliveries.Claimed delivery) {
    EventEndpoint endpoint = endpoints.byKey(delivery.endpoint()).orElseThrow();
    Integer status = null;
    String error;
    try {
      status = sender.send(endpoint, delivery.body(), clock.instant());
      if (status / 100 == 2) {
        deliveries.delivered(delivery, status, clock.instant());
        return;
      }
      error = "HTTP " + status;
    } catch (IOException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      // The worker is stopping: the lease runs out and another attempt sends the same event.
      Thread.currentThread().interrupt();
      return;
    }
    Instant now = clock.instant();
    if (!now.isBefore(delivery.giveUpAt())) {
      log.warn(
          "event {} to {} failed after {} attempts ({}); redeliver it once the endpoint is fixed",
          delivery.eventId(),
          delivery.endpoint(),
          delivery.attempts(),
          error);
      deliveries.failed(delivery, status, error, now);
    } else {
      deliveries.retryLater(
          delivery,
          status,
          error,
          DeliveryBackoff.nextTry(delivery.attempts(), now, delivery.giveUpAt()));
    }
  }

  @Override
  public synchronized void start() {
    if (endpoints.isEmpty() || poller != null) {
      return;
    }
    poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "event-delivery-poll");
              thread.setDaemon(true);
              return thread;
            });
    long every = endpoints.pollEvery().toMillis();
    poller.scheduleWithFixedDelay(this::poll, 0, every, TimeUnit.MILLISECONDS);
    log.info("delivering events to {} endpoint(s)", endpoints.all().size());
  }

  private void poll() {
    try {
      deliverDue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("event delivery: {}", e.getMessage()); // PostgreSQL away: the next poll tries again
    }
  }

  @Override
  public synchronized void stop() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
    senders.shutdownNow();
  }

  @Override
  public synchronized boolean isRunning() {
    return poller != null;
  }
}
