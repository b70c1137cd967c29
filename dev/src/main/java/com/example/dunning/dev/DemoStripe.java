package com.example.dunning.dev;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stand-in for the few Stripe API calls a dunning makes, so the dev stack runs with no outside
 * service: every invoice is open and owed by one demo customer, and every charge is declined for
 * insufficient funds, until {@code POST /dev/invoices/{id}/paid} marks it paid ("the customer paid
 * on the hosted invoice page"), and {@code POST /dev/invoices/{id}/void} or {@code /uncollectible}
 * closes it as Stripe does. {@code POST /dev/invoices/{id}/failed} makes an invoice whose first
 * charge failed with no webhook sent, which only the reconciliation's listing ({@code GET
 * /v1/invoices}, every invoice the stand-in knows) can find. Each invoice bills its own
 * subscription, {@code sub_<invoice id>}, which {@code DELETE /v1/subscriptions/{id}} cancels; the
 * stand-in remembers each cancel request's idempotency key. Set STRIPE_API_KEY (and leave
 * STRIPE_API_BASE unset) to use Stripe itself instead.
 */
final class DemoStripe {

  private static final Pattern INVOICE =
      Pattern.compile("^/v1/invoices/([A-Za-z0-9_\\-]+)(/pay)?$");
  private static final Pattern MARK_PAID =
      Pattern.compile("^/dev/invoices/([A-Za-z0-9_\\-]+)/paid$");
  private static final Pattern FAIL_SILENTLY =
      Pattern.compile("^/dev/invoices/([A-Za-z0-9_\\-]+)/failed$");
  private static final Pattern CLOSE =
      Pattern.compile("^/dev/invoices/([A-Za-z0-9_\\-]+)/(void|uncollectible)$");
  private static final Pattern SUBSCRIPTION =
      Pattern.compile("^/v1/subscriptions/(sub_[A-Za-z0-9_\\-]+)$");

  private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
  private final Map<String, Long> paidAt = new ConcurrentHashMap<>();
  private final Map<String, Long> createdAt = new ConcurrentHashMap<>();
  private final Map<String, String> closedAs = new ConcurrentHashMap<>();
  private final Map<String, List<String>> cancelKeys = new ConcurrentHashMap<>();
  private final HttpServer server;

  DemoStripe(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", this::handle);
  }

  void start() {
    server.start();
  }

  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      Matcher paid = MARK_PAID.matcher(path);
      if ("POST".equals(method) && paid.matches()) {
        paidAt.putIfAbsent(paid.group(1), Instant.now().getEpochSecond());
        respond(exchange, 200, invoice(paid.group(1)));
        return;
      }
      Matcher closed = CLOSE.matcher(path);
      if ("POST".equals(method) && closed.matches()) {
        closedAs.putIfAbsent(closed.group(1), closed.group(2));
        respond(exchange, 200, invoice(closed.group(1)));
        return;
      }
      Matcher failed = FAIL_SILENTLY.matcher(path);
      if ("POST".equals(method) && failed.matches()) {
        attempts.putIfAbsent(failed.group(1), 1);
        createdAt.putIfAbsent(failed.group(1), Instant.now().getEpochSecond());
        respond(exchange, 200, invoice(failed.group(1)));
        return;
      }
      Matcher subscription = SUBSCRIPTION.matcher(path);
      if (subscription.matches() && ("GET".equals(method) || "DELETE".equals(method))) {
        String id = subscription.group(1);
        if ("DELETE".equals(method)) {
          String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
          cancelKeys
              .computeIfAbsent(id, k -> new CopyOnWriteArrayList<>())
              .add(String.valueOf(key));
        }
        respond(exchange, 200, subscription(id));
        return;
      }
      if ("GET".equals(method) && "/v1/invoices".equals(path)) {
        respond(exchange, 200, list(query(exchange.getRequestURI().getRawQuery())));
        return;
      }
      Matcher invoice = INVOICE.matcher(path);
      if (!invoice.matches()) {
        respond(
            exchange,
            404,
            error("invalid_request_error", "resource_missing", null, "No such resource: " + path));
        return;
      }
      String id = invoice.group(1);
      attempts.putIfAbsent(id, 1);
      createdAt.putIfAbsent(id, Instant.now().getEpochSecond());
      if (invoice.group(2) == null) {
        respond(exchange, 200, invoice(id));
      } else if (paidAt.containsKey(id)) {
        respond(exchange, 200, invoice(id));
      } else {
        attempts.merge(id, 1, Integer::sum);
        respond(
            exchange,
            402,
            error(
                "card_error",
                "card_declined",
                "insufficient_funds",
                "Your card has insufficient funds."));
      }
    }
  }

  /**
   * Stripe's list of invoices, newest first, with the filters and cursor the reconciliation sends
   * ({@code status}, {@code created[gte]}, {@code starting_after}, {@code limit}).
   */
  private String list(Map<String, String> query) {
    long createdSince = Long.parseLong(query.getOrDefault("created[gte]", "0"));
    String status = query.get("status");
    List<String> ids =
        createdAt.entrySet().stream()
            .filter(known -> known.getValue() >= createdSince)
            .filter(known -> status == null || status.equals(statusOf(known.getKey())))
            .sorted(
                Comparator.comparing((Map.Entry<String, Long> known) -> known.getValue())
                    .reversed()
                    .thenComparing(Map.Entry::getKey))
            .map(Map.Entry::getKey)
            .toList();
    String after = query.get("starting_after");
    int from = after == null ? 0 : ids.indexOf(after) + 1;
    int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
    List<String> page = ids.subList(from, Math.min(ids.size(), from + limit));
    return """
        {"object": "list", "url": "/v1/invoices", "has_more": %s, "data": [%s]}
        """
        .formatted(
            from + page.size() < ids.size(),
            page.stream().map(this::invoice).collect(Collectors.joining(",")));
  }

  /** The idempotency keys of the cancel requests for a subscription, in order of arrival. */
  List<String> cancelRequests(String subscriptionId) {
    return List.copyOf(cancelKeys.getOrDefault(subscriptionId, List.of()));
  }

  private String subscription(String id) {
    return """
        {"id": "%s", "object": "subscription", "status": "%s", "customer": "cus_demo",
         "currency": "usd", "metadata": {},
         "items": {"object": "list", "has_more": false, "data": [{"id": "si_demo",
           "object": "subscription_item", "price": {"id": "price_demo", "object": "price",
             "currency": "usd", "unit_amount": 1999, "product": {"id": "prod_demo",
               "object": "product", "name": "Artist Pro", "active": true}}}]}}
        """
        .formatted(id, cancelKeys.containsKey(id) ? "canceled" : "active");
  }

  private String statusOf(String id) {
    if (paidAt.containsKey(id)) {
      return "paid";
    }
    return closedAs.getOrDefault(id, "open");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          query.put(
              URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return query;
  }

  private String invoice(String id) {
    Long paid = paidAt.get(id);
    return """
        {"id": "%s", "object": "invoice", "status": "%s", "amount_due": 1999, "amount_remaining": %d,
         "currency": "usd", "attempt_count": %d, "attempted": true, "collection_method": "charge_automatically",
         "next_payment_attempt": null, "hosted_invoice_url": "https://invoice.stripe.com/i/demo/%s",
         "created": %d, "status_transitions": {"paid_at": %s},
         "customer": {"id": "cus_demo", "object": "customer", "email": "jenny.rosen@example.com",
                      "name": "Jenny Rosen", "phone": "+15555550123", "metadata": {"user_id": "1"}},
         "customer_email": "jenny.rosen@example.com", "customer_name": "Jenny Rosen",
         "payments": {"object": "list", "data": [], "has_more": false},
         "parent": {"type": "subscription_details", "quote_details": null,
                    "subscription_details": {"subscription": "sub_%s", "metadata": null}},
         "lines": {"object": "list", "data": [{"id": "il_demo", "object": "line_item", "amount": 1999,
                   "currency": "usd", "description": "Artist Pro (monthly)"}], "has_more": false}}
        """
        .formatted(
            id,
            statusOf(id),
            paid == null ? 1999 : 0,
            attempts.getOrDefault(id, 1),
            id,
            createdAt.getOrDefault(id, Instant.now().getEpochSecond()),
            paid == null ? "null" : paid.toString(),
            id);
  }

  private static String error(String type, String code, String declineCode, String message) {
    return """
        {"error": {"type": "%s", "code": "%s", "decline_code": %s, "message": "%s"}}
        """
        .formatted(type, code, declineCode == null ? "null" : "\"" + declineCode + "\"", message);
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("Request-Id", "req_demo");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
