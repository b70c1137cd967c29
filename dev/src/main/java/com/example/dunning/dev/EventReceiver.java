package com.example.dunning.dev;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dev stack's receiver of outbound events, as an integrator would write one: it checks the
 * {@code Dunning-Signature} header (HMAC-SHA256 of {@code t.body}, at most five minutes old),
 * answers 200 to a signed event and 400 to anything else, and keeps what arrived: {@code curl
 * http://127.0.0.1:8026/} lists it, a repeat (the same id again) marked as such.
 */
public final class EventReceiver {

  private static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** One request as it arrived. */
  public record Arrival(Instant at, boolean signed, boolean repeat, String body) {}

  private final HttpServer server;
  private final String secret;
  private final List<Arrival> arrivals = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();

  public EventReceiver(int port, String secret) throws IOException {
    this.secret = secret;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/events", this::receive);
    server.createContext("/", this::list);
  }

  public void start() {
    server.start();
  }

  public void stop() {
    server.stop(0);
  }

  /** The events that arrived signed, in arrival order, repeats included. */
  public synchronized List<Arrival> signed() {
    return arrivals.stream().filter(Arrival::signed).toList();
  }

  /** Every request, the refused ones too. */
  public synchronized List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, "POST events here\n");
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String header = exchange.getRequestHeaders().getFirst("Dunning-Signature");
      boolean signed = verifies(header, body, Instant.now());
      synchronized (this) {
        boolean repeat = signed && !seen.add(idOf(body));
        arrivals.add(new Arrival(Instant.now(), signed, repeat, body));
      }
      answer(exchange, signed ? 200 : 400, signed ? "ok\n" : "bad signature\n");
    }
  }

  /** Whether one of the header's v1 signatures is ours over {@code t.body}, t recent enough. */
  boolean verifies(String header, String body, Instant now) {
    if (header == null) {
      return false;
    }
    long t = -1;
    List<String> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      String[] pair = part.strip().split("=", 2);
      if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("\\d{1,12}")) {
        t = Long.parseLong(pair[1]);
      } else if (pair.length == 2 && pair[0].equals("v1") && pair[1].matches("[0-9a-f]{64}")) {
        signatures.add(pair[1]);
      }
    }
    if (t < 0 || Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(TOLERANCE) > 0) {
      return false;
    }
    byte[] expected = hmac(t + "." + body);
    return signatures.stream()
        .anyMatch(s -> MessageDigest.isEqual(expected, HexFormat.of().parseHex(s)));
  }

  private byte[] hmac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The envelope's id, read without a JSON library: {@code "id":"evt_…"} comes first. */
  private static String idOf(String body) {
    int start = body.indexOf("\"id\":\"");
    if (start < 0) {
      return body;
    }
    int from = start + 6;
    return body.substring(from, body.indexOf('"', from));
  }

  private void list(HttpExchange exchange) throws IOException {
    try (exchange) {
      List<Arrival> all = arrivals();
      StringBuilder page = new StringBuilder();
      page.append(all.size())
          .append(" event(s) received; each line: arrival time, signature, body\n\n");
      for (Arrival arrival : all) {
        page.append(arrival.at())
            .append(arrival.signed() ? "  signature ok" : "  SIGNATURE REFUSED")
            .append(arrival.repeat() ? " (repeat: this id arrived before)" : "")
            .append("\n  ")
            .append(arrival.body())
            .append("\n\n");
      }
      exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
      answer(exchange, 200, page.toString());
    }
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
