package com.example.dunning.dev;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the few Stripe API calls a dunning makes, so the dev stack runs with no outside
 * service: every invoice is open and owed by one demo customer, and every charge is declined for
 * insufficient funds, until {@code POST /dev/invoices/{id}/paid} marks it paid ("the customer paid
 * on the hosted invoice page"). Set STRIPE_API_KEY (and leave STRIPE_API_BASE unset) to use Stripe
 * itself instead.
 */
final class DemoStripe {

  private static final Pattern INVOICE =
      Pattern.compile("^/v1/invoices/([A-Za-z0-9_\\-]+)(/pay)?$");
  private static final Pattern MARK_PAID =
      Pattern.compile("^/dev/invoices/([A-Za-z0-9_\\-]+)/paid$");

  private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
  private final Map<String, Long> paidAt = new ConcurrentHashMap<>();
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
         "payments": {"object": "list", "data": [], "has_more": false}, "parent": null,
         "lines": {"object": "list", "data": [{"id": "il_demo", "object": "line_item", "amount": 1999,
                   "currency": "usd", "description": "Artist Pro (monthly)"}], "has_more": false}}
        """
        .formatted(
            id,
            paid == null ? "open" : "paid",
            paid == null ? 1999 : 0,
            attempts.getOrDefault(id, 1),
            id,
            Instant.now().getEpochSecond(),
            paid == null ? "null" : paid.toString());
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
