package com.example.dunning.reliability.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The Stripe API (the invoice read and the charge a dunning makes) and Twilio's Messages API on
 * WireMock: every invoice is open and every charge declined for insufficient funds, so a dunning
 * runs to expiry. Its request journal counts what reached the providers: charges by idempotency
 * key, SMS by notice key. A stall holds one chosen request unanswered until released, the moment
 * for a test to kill the worker inside that call.
 */
public final class ProviderApis implements AutoCloseable {

  public static final String TWILIO_ACCOUNT = "ACreliability";

  private final List<Stall> stalls = new CopyOnWriteArrayList<>();
  private final WireMockServer server;

  public ProviderApis() {
    server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new Stalls()));
    server.start();
    server.stubFor(
        post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json"))
            .atPriority(5)
            .willReturn(json(201, "{\"sid\": \"SMreliability\", \"status\": \"queued\"}")));
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  /** The customer's email address on the invoice: one per invoice, to count mail by recipient. */
  public static String emailOf(String invoiceId) {
    return invoiceId.replace('_', '.') + "@example.com";
  }

  /** The customer's phone number on the invoice. */
  public static String phoneOf(String invoiceId) {
    return "+1555" + String.format("%07d", Math.floorMod(invoiceId.hashCode(), 10_000_000));
  }

  /** Serves an open invoice whose every charge is declined, its own customer's. */
  public void openInvoice(String invoiceId) {
    serveOpen(
        invoiceId, invoice(invoiceId, "cus_" + invoiceId, emailOf(invoiceId), phoneOf(invoiceId)));
  }

  /**
   * Serves an open invoice of {@code customerId} (several invoices may share one customer, whose
   * email and phone are {@link #emailOf} and {@link #phoneOf} of its id), every charge declined.
   */
  public void openInvoice(String invoiceId, String customerId) {
    serveOpen(invoiceId, invoice(invoiceId, customerId, emailOf(customerId), phoneOf(customerId)));
  }

  private void serveOpen(String invoiceId, String invoice) {
    server.stubFor(
        get(urlPathEqualTo("/v1/invoices/" + invoiceId))
            .atPriority(5)
            .willReturn(json(200, invoice)));
    server.stubFor(
        post(urlPathEqualTo("/v1/invoices/" + invoiceId + "/pay"))
            .atPriority(5)
            .willReturn(
                json(
                    402,
                    """
                    {"error": {"type": "card_error", "code": "card_declined",
                     "decline_code": "insufficient_funds",
                     "message": "Your card has insufficient funds."}}
                    """)));
  }

  /** Stripe's invoice listing (the reconciliation's sweep) answers an empty list. */
  public void listNoInvoices() {
    server.stubFor(
        get(urlPathEqualTo("/v1/invoices"))
            .atPriority(5)
            .willReturn(
                json(
                    200,
                    "{\"object\": \"list\", \"url\": \"/v1/invoices\", \"has_more\": false,"
                        + " \"data\": []}")));
  }

  /**
   * Answers every request about the invoice (reads and charges) with {@code status} and {@code
   * headers} ({@code name, value, …}) until the returned stub is removed.
   */
  public StubMapping fail(String invoiceId, String pathSuffix, int status, String... headers) {
    var response =
        aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"error\": {\"type\": \"api_error\", \"message\": \"injected " + status + "\"}}");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      response.withHeader(headers[i], headers[i + 1]);
    }
    return server.stubFor(
        any(urlPathMatching("/v1/invoices/" + invoiceId + pathSuffix))
            .atPriority(1)
            .willReturn(response));
  }

  public void remove(StubMapping stub) {
    server.removeStub(stub);
  }

  /**
   * Responses with {@code status} to requests about the invoice ({@code pathSuffix} "" or "/pay").
   */
  public int answered(String invoiceId, String pathSuffix, int status) {
    String path = "/v1/invoices/" + invoiceId + pathSuffix;
    return (int)
        server.getAllServeEvents().stream()
            .filter(event -> event.getRequest().getUrl().startsWith(path))
            .filter(event -> event.getResponse() != null)
            .filter(event -> event.getResponse().getStatus() == status)
            .count();
  }

  /** The charges that reached Stripe for the invoice, as their idempotency keys, oldest first. */
  public List<String> chargeKeys(String invoiceId) {
    return journal(
            request ->
                request.getMethod().getName().equals("POST")
                    && request.getUrl().startsWith("/v1/invoices/" + invoiceId + "/pay"))
        .stream()
        .map(request -> request.getHeader("Idempotency-Key"))
        .toList();
  }

  /** The SMS that reached Twilio for the phone number, as their notice keys, oldest first. */
  public List<String> smsKeys(String phone) {
    return journal(
            request ->
                request.getUrl().contains("/Messages.json")
                    && phone.equals(formField(request.getBodyAsString(), "To")))
        .stream()
        .map(request -> request.getHeader("I-Twilio-Idempotency-Token"))
        .toList();
  }

  /**
   * Holds the next request that {@code matches} unanswered until {@link Stall#release()}; {@link
   * Stall#awaitReached} returns once it has come in. Several stalls may wait at once.
   */
  public Stall stallNext(Predicate<Request> matches) {
    Stall stall = new Stall(matches);
    stalls.add(stall);
    return stall;
  }

  /** The next read of the invoice, the one before a step. */
  public Stall stallNextRead(String invoiceId) {
    return stallNext(
        request ->
            request.getMethod().getName().equals("GET")
                && request.getUrl().startsWith("/v1/invoices/" + invoiceId));
  }

  /** The next charge of the invoice. */
  public Stall stallNextCharge(String invoiceId) {
    return stallNext(
        request ->
            request.getMethod().getName().equals("POST")
                && request.getUrl().startsWith("/v1/invoices/" + invoiceId + "/pay"));
  }

  private List<LoggedRequest> journal(Predicate<LoggedRequest> matches) {
    List<LoggedRequest> requests = new ArrayList<>();
    for (ServeEvent event : server.getAllServeEvents()) {
      if (matches.test(event.getRequest())) {
        requests.add(event.getRequest());
      }
    }
    requests.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
    return requests;
  }

  private static String formField(String form, String name) {
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", "req_reliability")
        .withBody(body);
  }

  private static String invoice(String id, String customerId, String email, String phone) {
    return """
        {"id": "%s", "object": "invoice", "status": "open", "amount_due": 1999,
         "amount_remaining": 1999, "currency": "usd", "attempt_count": 1, "attempted": true,
         "collection_method": "charge_automatically", "next_payment_attempt": null,
         "hosted_invoice_url": "https://invoice.stripe.com/i/reliability/%s", "created": %d,
         "status_transitions": {"paid_at": null},
         "customer": {"id": "%s", "object": "customer", "email": "%s", "name": "Jenny Rosen",
                      "phone": "%s", "metadata": {"user_id": "1"}},
         "customer_email": "%s", "customer_name": "Jenny Rosen",
         "payments": {"object": "list", "data": [], "has_more": false}, "parent": null,
         "lines": {"object": "list", "data": [{"id": "il_1", "object": "line_item", "amount": 1999,
                   "currency": "usd", "description": "Artist Pro (monthly)"}], "has_more": false}}
        """
        .formatted(id, id, Instant.now().getEpochSecond(), customerId, email, phone, email);
  }

  @Override
  public void close() {
    stalls.forEach(Stall::release);
    server.stop();
  }

  /** One request held unanswered, made by {@link #stallNext}. */
  public static final class Stall {

    private final Predicate<Request> matches;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private boolean taken;

    private Stall(Predicate<Request> matches) {
      this.matches = matches;
    }

    /** True once the request came in and is being held, within {@code seconds}. */
    public boolean awaitReached(long seconds) throws InterruptedException {
      return reached.await(seconds, TimeUnit.SECONDS);
    }

    /** Answers the held request (to a caller that may be gone by now). */
    public void release() {
      released.countDown();
    }

    /** Whether this stall holds {@code request}: the first that matches, only. */
    private synchronized boolean takes(Request request) {
      if (taken || !matches.test(request)) {
        return false;
      }
      taken = true;
      reached.countDown();
      return true;
    }

    private void hold() {
      try {
        released.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Holds each request a stall takes before its response goes out. */
  private final class Stalls implements ServeEventListener {

    @Override
    public void beforeResponseSent(ServeEvent event, Parameters parameters) {
      for (Stall stall : stalls) {
        if (stall.takes(event.getRequest())) {
          stall.hold();
          return;
        }
      }
    }

    @Override
    public boolean applyGlobally() {
      return true;
    }

    @Override
    public String getName() {
      return "stalls";
    }
  }
}
