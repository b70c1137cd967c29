package com.example.dunning.reliability.topology;

import com.example.dunning.reliability.support.ProviderApis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The topology's storm, drawn from one seed: per invoice one failed charge (attempt 1), delivered
 * once or two or three times at once; for some a second failed attempt, for some the first event
 * delivered again in the last wave, as Stripe does when it saw no 2xx in time. Each delivery goes
 * to one of the two APIs and falls in one of three waves: the faults come between the first and the
 * second.
 */
final class TopologyStorm {

  static final int WAVES = 3;
  private static final double DUPLICATED = 0.4;
  private static final double SECOND_ATTEMPT = 0.35;
  private static final double DELIVERED_AGAIN = 0.3;

  /** One signed delivery of one event, to API {@code api} (0 or 1), in {@code wave} (1 to 3). */
  record Delivery(String invoiceId, String eventId, String payload, int wave, int api) {}

  final long seed;
  final List<String> invoices = new ArrayList<>();
  final List<Delivery> deliveries = new ArrayList<>();

  /** The highest failed attempt delivered for each invoice: its dunning's attempt count. */
  final Map<String, Integer> attempts = new HashMap<>();

  private final Random random;
  private final long created = Instant.now().getEpochSecond();
  private int events;

  private TopologyStorm(long seed, String invoicePrefix, int invoiceCount) {
    this.seed = seed;
    this.random = new Random(seed);
    for (int i = 0; i < invoiceCount; i++) {
      String invoiceId = invoicePrefix + i;
      invoices.add(invoiceId);
      String first = nextEventId();
      String failed = failed(first, invoiceId, 1);
      deliverCopies(invoiceId, first, failed, 1 + random.nextInt(WAVES));
      attempts.put(invoiceId, 1);
      if (random.nextDouble() < SECOND_ATTEMPT) {
        String second = nextEventId();
        deliverCopies(invoiceId, second, failed(second, invoiceId, 2), 1 + random.nextInt(WAVES));
        attempts.put(invoiceId, 2);
      }
      if (random.nextDouble() < DELIVERED_AGAIN) {
        deliveries.add(new Delivery(invoiceId, first, failed, WAVES, random.nextInt(2)));
      }
    }
  }

  static TopologyStorm draw(long seed, String invoicePrefix, int invoiceCount) {
    return new TopologyStorm(seed, invoicePrefix, invoiceCount);
  }

  List<Delivery> wave(int wave) {
    return deliveries.stream().filter(delivery -> delivery.wave() == wave).toList();
  }

  /** Distinct events, and those delivered more than once. */
  long[] eventsAndDuplicated() {
    Map<String, Integer> copies = new HashMap<>();
    deliveries.forEach(delivery -> copies.merge(delivery.eventId(), 1, Integer::sum));
    return new long[] {copies.size(), copies.values().stream().filter(count -> count > 1).count()};
  }

  private void deliverCopies(String invoiceId, String eventId, String payload, int wave) {
    int copies = random.nextDouble() < DUPLICATED ? 2 + random.nextInt(2) : 1;
    for (int i = 0; i < copies; i++) {
      deliveries.add(new Delivery(invoiceId, eventId, payload, wave, random.nextInt(2)));
    }
  }

  private String nextEventId() {
    return "evt_topology_" + seed + "_" + (events++);
  }

  private String failed(String eventId, String invoiceId, int attemptCount) {
    return """
        {"id": "%s", "object": "event", "type": "invoice.payment_failed", "created": %d,
         "livemode": false,
         "data": {"object": {"id": "%s", "object": "invoice", "customer": "cus_%s",
           "customer_email": "%s", "amount_due": 1999, "currency": "usd",
           "attempt_count": %d, "next_payment_attempt": null, "status": "open"}}}
        """
        .formatted(
            eventId, created, invoiceId, invoiceId, ProviderApis.emailOf(invoiceId), attemptCount);
  }
}
