package com.example.dunning.activities.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.model.Invoice;
import com.stripe.net.RequestOptions;
import com.stripe.param.InvoicePayParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeHttpClientTest {

  /** Differs from request to request whichever client sends it. */
  private static final String TELEMETRY = "X-Stripe-Client-Telemetry";

  private WireMockServer stripeApi;

  @BeforeEach
  void startStripe() {
    stripeApi = new WireMockServer(wireMockConfig().dynamicPort());
    stripeApi.start();
    stripeApi.stubFor(
        get(urlPathEqualTo("/v1/invoices/in_http_1"))
            .willReturn(
                aResponse()
                    .withHeader("Request-Id", "req_read")
                    .withBody(
                        "{\"id\":\"in_http_1\",\"object\":\"invoice\",\"status\":\"open\"}")));
    stripeApi.stubFor(
        post(urlPathEqualTo("/v1/invoices/in_http_1/pay"))
            .willReturn(
                aResponse()
                    .withStatus(402)
                    .withBody(
                        "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\","
                            + "\"decline_code\":\"insufficient_funds\",\"message\":\"Declined.\"}}")));
  }

  @AfterEach
  void stopStripe() {
    stripeApi.stop();
  }

  @Test
  void givenAReadAndADeclinedCharge_whenSent_itShouldSendAndReadWhatStripeJavasOwnClientDoes()
      throws Exception {
    StripeClient ours =
        StripeConfiguration.newClient(
            new StripeProperties(
                "sk_test_http",
                stripeApi.baseUrl(),
                true,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                0));
    StripeClient theirs =
        StripeClient.builder()
            .setApiKey("sk_test_http")
            .setApiBase(stripeApi.baseUrl())
            .setConnectTimeout(2000)
            .setReadTimeout(5000)
            .setMaxNetworkRetries(0)
            .build();

    Map<String, String> oursSent = sent(ours);
    Map<String, String> theirsSent = sent(theirs);

    assertThat(oursSent).isEqualTo(theirsSent);
    assertThat(oursSent)
        .containsKeys(
            "GET /v1/invoices/in_http_1 X-Stripe-Client-User-Agent",
            "POST /v1/invoices/in_http_1/pay Idempotency-Key",
            "POST /v1/invoices/in_http_1/pay body");
  }

  /**
   * Reads the invoice and pays it under a key with {@code client}, and returns what reached the
   * server: each request's headers (but the telemetry) and body, keyed by method, path and name.
   */
  private Map<String, String> sent(StripeClient client) throws Exception {
    stripeApi.resetRequests();
    Invoice invoice = client.v1().invoices().retrieve("in_http_1");
    assertThat(invoice.getStatus()).isEqualTo("open");
    assertThat(invoice.getLastResponse().requestId()).isEqualTo("req_read");
    assertThatThrownBy(
            () ->
                client
                    .v1()
                    .invoices()
                    .pay(
                        "in_http_1",
                        InvoicePayParams.builder().setOffSession(true).build(),
                        RequestOptions.builder().setIdempotencyKey("dunning-key-1").build()))
        .isInstanceOfSatisfying(
            CardException.class,
            declined -> assertThat(declined.getDeclineCode()).isEqualTo("insufficient_funds"));
    Map<String, String> sent = new TreeMap<>();
    List<LoggedRequest> requests = stripeApi.findAll(anyRequestedFor(anyUrl()));
    Function<LoggedRequest, String> line = r -> r.getMethod() + " " + r.getUrl() + " ";
    for (LoggedRequest request : requests) {
      for (String name : request.getAllHeaderKeys()) {
        if (!name.equalsIgnoreCase(TELEMETRY)) {
          sent.put(line.apply(request) + name, request.getHeader(name));
        }
      }
      sent.put(line.apply(request) + "body", request.getBodyAsString());
    }
    return sent;
  }
}
