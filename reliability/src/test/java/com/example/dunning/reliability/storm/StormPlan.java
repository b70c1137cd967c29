package com.example.dunning.reliability.storm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The storm, drawn from one seed: per invoice a story and the steps that tell it to the webhook
 * (the Stripe stand-in changed first where Stripe would have changed the invoice before sending its
 * event), each event delivered once or several times at once, some delivered again later; and one
 * shuffled interleaving of every invoice's steps.
 */
final class StormPlan {

  /** One invoice: what happened, in the order its events are delivered. */
  record Invoice(
      String id, Story story, List<Step> steps, int minNotices, int maxNotices, int attemptCount) {}

  /**
   * Either a change at the Stripe stand-in ({@code standIn}, a path to POST), or {@code copies}
   * deliveries of one signed event, sent at the same time.
   */
  record Step(String standIn, String eventId, String type, String payload, int copies) {}

  private static final double DUPLICATED = 0.4;

  final long seed;
  final List<Invoice> invoices;

  /** The steps in the order they are let go; an invoice's own steps keep their order. */
  final List<Map.Entry<Invoice, Step>> interleaving;

  private final Random random;
  private final Instant created = Instant.now();
  private int events;

  private StormPlan(long seed, int minInvoices, int minDeliveries) {
    this.seed = seed;
    this.random = new Random(seed);
    List<Invoice> drawn = new ArrayList<>();
    while (drawn.size() < minInvoices || deliveries(drawn) < minDeliveries) {
      drawn.add(invoice("in_storm_" + drawn.size()));
    }
    this.invoices = List.copyOf(drawn);
    this.interleaving = interleave(drawn);
  }

  static StormPlan draw(long seed, int minInvoices, int minDeliveries) {
    return new StormPlan(seed, minInvoices, minDeliveries);
  }

  int deliveries() {
    return deliveries(invoices);
  }

  private static int deliveries(List<Invoice> invoices) {
    return invoices.stream()
        .flatMap(invoice -> invoice.steps().stream())
        .mapToInt(Step::copies)
        .sum();
  }

  /** Distinct events, and those delivered more than once (at once or again later). */
  long[] eventsAndDuplicated() {
    Map<String, Integer> copies = new HashMap<>();
    for (Invoice invoice : invoices) {
      for (Step step : invoice.steps()) {
        if (step.eventId() != null) {
          copies.merge(step.eventId(), step.copies(), Integer::sum);
        }
      }
    }
    return new long[] {copies.size(), copies.values().stream().filter(count -> count > 1).count()};
  }

  private Invoice invoice(String id) {
    int roll = random.nextInt(100);
    Story story =
        roll < 25
            ? Story.STILL_FAILING
            : roll < 37
                ? Story.PAID_FIRST_TRY
                : roll < 52
                    ? Story.PAID_BEFORE_FAILED
                    : roll < 67
                        ? Story.FAILED_THEN_PAID
                        : roll < 79
                            ? Story.VOIDED
                            : roll < 88 ? Story.UNCOLLECTIBLE : Story.SUBSCRIPTION_DELETED;
    List<Step> steps = new ArrayList<>();
    Step failed = event(id, "invoice.payment_failed", 1, "open");
    switch (story) {
      case STILL_FAILING -> {
        steps.add(failed);
        boolean second = random.nextBoolean();
        if (second) {
          steps.add(event(id, "invoice.payment_failed", 2, "open"));
          Collections.shuffle(steps, random);
        }
        return new Invoice(id, story, steps, 1, 1, second ? 2 : 1);
      }
      case PAID_FIRST_TRY -> {
        steps.add(standIn(id, "paid"));
        List<Step> paid =
            new ArrayList<>(
                List.of(
                    event(id, "invoice.paid", 1, "paid"),
                    event(id, "invoice.payment_succeeded", 1, "paid")));
        Collections.shuffle(paid, random);
        steps.addAll(paid);
        return new Invoice(id, story, steps, 0, 0, 0);
      }
      case PAID_BEFORE_FAILED -> {
        steps.add(standIn(id, "paid"));
        steps.add(event(id, "invoice.paid", 2, "paid"));
        if (random.nextBoolean()) {
          steps.add(event(id, "invoice.payment_succeeded", 2, "paid"));
        }
        steps.add(failed);
        return new Invoice(id, story, steps, 0, 0, 2);
      }
      case FAILED_THEN_PAID -> {
        steps.add(failed);
        steps.add(standIn(id, "paid"));
        steps.add(event(id, "invoice.paid", 2, "paid"));
        steps.add(again(failed));
        return new Invoice(id, story, steps, 0, 1, 1);
      }
      case VOIDED, UNCOLLECTIBLE -> {
        boolean voided = story == Story.VOIDED;
        Step cancel =
            voided
                ? event(id, "invoice.voided", 1, "void")
                : event(id, "invoice.marked_uncollectible", 1, "uncollectible");
        Step closeAtStripe = standIn(id, voided ? "void" : "uncollectible");
        if (random.nextBoolean()) {
          steps.addAll(List.of(closeAtStripe, cancel, failed));
          return new Invoice(id, story, steps, 0, 0, 1);
        }
        steps.addAll(List.of(failed, closeAtStripe, cancel));
        if (random.nextBoolean()) {
          steps.add(again(failed));
        }
        return new Invoice(id, story, steps, 0, 1, 1);
      }
      case SUBSCRIPTION_DELETED -> {
        steps.add(failed);
        steps.add(subscriptionDeleted(id));
        if (random.nextBoolean()) {
          steps.add(again(failed));
        }
        return new Invoice(id, story, steps, 0, 1, 1);
      }
      default -> throw new IllegalStateException(story.name());
    }
  }

  private Step standIn(String invoiceId, String what) {
    return new Step("/dev/invoices/" + invoiceId + "/" + what, null, null, null, 0);
  }

  /** A delivery of the same event later, as Stripe does when it did not see a 2xx in time. */
  private static Step again(Step event) {
    return new Step(null, event.eventId(), event.type(), event.payload(), 1);
  }

  private Step event(String invoiceId, String type, int attemptCount, String status) {
    String eventId = "evt_storm_" + (events++);
    String payload =
        """
        {"id": "%s", "object": "event", "type": "%s", "created": %d, "livemode": false,
         "data": {"object": {"id": "%s", "object": "invoice", "customer": "cus_demo",
           "customer_email": "jenny.rosen@example.com", "amount_due": 1999, "currency": "usd",
           "attempt_count": %d, "next_payment_attempt": null, "status": "%s"}}}
        """
            .formatted(eventId, type, created.getEpochSecond(), invoiceId, attemptCount, status);
    return new Step(null, eventId, type, payload, copies());
  }

  private Step subscriptionDeleted(String invoiceId) {
    String eventId = "evt_storm_" + (events++);
    String payload =
        """
        {"id": "%s", "object": "event", "type": "customer.subscription.deleted", "created": %d,
         "livemode": false,
         "data": {"object": {"id": "sub_%s", "object": "subscription", "customer": "cus_demo",
           "status": "canceled", "latest_invoice": "%s"}}}
        """
            .formatted(eventId, created.getEpochSecond(), invoiceId, invoiceId);
    return new Step(null, eventId, "customer.subscription.deleted", payload, copies());
  }

  private int copies() {
    return random.nextDouble() < DUPLICATED ? 2 + random.nextInt(2) : 1;
  }

  private List<Map.Entry<Invoice, Step>> interleave(List<Invoice> all) {
    List<Invoice> slots = new ArrayList<>();
    for (Invoice invoice : all) {
      for (int i = 0; i < invoice.steps().size(); i++) {
        slots.add(invoice);
      }
    }
    Collections.shuffle(slots, random);
    Map<Invoice, Integer> next = new HashMap<>();
    List<Map.Entry<Invoice, Step>> order = new ArrayList<>();
    for (Invoice invoice : slots) {
      int index = next.merge(invoice, 1, Integer::sum) - 1;
      order.add(Map.entry(invoice, invoice.steps().get(index)));
    }
    return List.copyOf(order);
  }
}
