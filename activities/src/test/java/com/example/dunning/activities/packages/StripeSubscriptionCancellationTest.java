package com.example.dunning.activities.packages;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.example.dunning.activities.payment.CredentialRefusals;
import com.example.dunning.activities.payment.StripeConfiguration;
import com.example.dunning.activities.payment.StripeProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Stripe adapter against WireMock speaking the Stripe API: {@code DELETE
 * /v1/subscriptions/{id}} with the workflow's idempotency key, Stripe's replay of a repeat, a
 * subscription already gone, and Stripe failing.
 */
class StripeSubscriptionCancellationTest {

  private static final String SUBSCRIPTION_ID = "sub_dunning1";
  private static final String CANCEL_PATH = "/v1/subscriptions/" + SUBSCRIPTION_ID;
  private static final String KEY = "dunning-stripe-in_1:cancel-subscription";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** stripe-java's own retries of a 5xx, as {@link StripeProperties} sets them. */
  private static final int NETWORK_RETRIES = 2;

  private static WireMockServer stripeApi;
  private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private static StripeSubscriptionCancellation cancellation;

  @BeforeAll
  static void start() {
    stripeApi = new WireMockServer(wireMockConfig().dynamicPort());
    stripeApi.start();
    cancellation =
        new StripeSubscriptionCancellation(
            StripeConfiguration.newClient(
                new StripeProperties(
                    "sk_test_dunning",
                    stripeApi.baseUrl(),
                    true,
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5),
                    NETWORK_RETRIES)),
            new CredentialRefusals(meters));
  }

  @AfterAll
  static void stop() {
    stripeApi.stop();
  }

  @BeforeEach
  void reset() {
    stripeApi.resetAll();
    meters.clear();
  }

  @Test
  void givenAnActiveSubscription_whenCancel_itShouldDeleteItAtStripeWithTheWorkflowsKey() {
    answerCancel(200, cancelledSubscription());

    cancellation.cancel(SUBSCRIPTION_ID, KEY);

    stripeApi.verify(1, anyRequestedFor(anyUrl()));
    stripeApi.verify(
        1,
        deleteRequestedFor(urlPathEqualTo(CANCEL_PATH))
            .withHeader("Idempotency-Key", equalTo(KEY))
            .withHeader("Authorization", equalTo("Bearer sk_test_dunning")));
  }

  @Test
  void givenTheSameKeyTwice_whenCancel_itShouldSendTheSameKeyAndAcceptStripesReplay() {
    answerCancel(200, cancelledSubscription());

    cancellation.cancel(SUBSCRIPTION_ID, KEY);
    stripeApi.resetMappings();
    stripeApi.stubFor(
        delete(urlPathEqualTo(CANCEL_PATH))
            .withHeader("Idempotency-Key", equalTo(KEY))
            .willReturn(
                stripeAnswer(200, cancelledSubscription())
                    .withHeader("Idempotent-Replayed", "true")));
    cancellation.cancel(SUBSCRIPTION_ID, KEY);

    assertThat(stripeApi.findAll(deleteRequestedFor(urlPathEqualTo(CANCEL_PATH))))
        .hasSize(2)
        .extracting(request -> request.getHeader("Idempotency-Key"))
        .containsOnly(KEY);
  }

  @Test
  void givenASubscriptionStripeNoLongerHas_whenCancel_itShouldTakeItAsCancelled() {
    answerCancel(
        404,
        error(
            "invalid_request_error",
            "resource_missing",
            "No such subscription: '" + SUBSCRIPTION_ID + "'"));

    assertThatCode(() -> cancellation.cancel(SUBSCRIPTION_ID, KEY)).doesNotThrowAnyException();
    stripeApi.verify(1, deleteRequestedFor(urlPathEqualTo(CANCEL_PATH)));
  }

  @Test
  void givenAnotherRefusal_whenCancel_itShouldFailForGoodNamingTheSubscription() {
    answerCancel(
        400, error("invalid_request_error", "parameter_invalid", "Invalid cancellation request."));

    assertThatThrownBy(() -> cancellation.cancel(SUBSCRIPTION_ID, KEY))
        .asInstanceOf(type(ApplicationFailure.class))
        .satisfies(
            failure -> {
              assertThat(failure.getType()).isEqualTo(SubscriptionCancellation.REFUSED);
              assertThat(failure.isNonRetryable()).as("a 400 no retry mends").isTrue();
              assertThat(failure.getOriginalMessage())
                  .startsWith("stripe refused to cancel " + SUBSCRIPTION_ID);
            });
    stripeApi.verify(1, deleteRequestedFor(urlPathEqualTo(CANCEL_PATH)));
  }

  @Test
  void givenARevokedApiKey_whenCancel_itShouldCountTheRefusalAndFailForTemporalToRetry() {
    answerCancel(
        401, error("invalid_request_error", null, "Invalid API Key provided: sk_test_***"));

    assertThatThrownBy(() -> cancellation.cancel(SUBSCRIPTION_ID, KEY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(SUBSCRIPTION_ID);
    assertThat(
            meters
                .get(CredentialRefusals.METER)
                .tag("provider", "stripe")
                .tag("status", "401")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void givenStripeFailing_whenCancel_itShouldRetryUnderTheSameKeyThenFailForTemporalToRetry() {
    answerCancel(500, error("api_error", null, "An unknown error occurred."));

    assertThatThrownBy(() -> cancellation.cancel(SUBSCRIPTION_ID, KEY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(SUBSCRIPTION_ID)
        .hasMessageContaining("failed");
    assertThat(stripeApi.findAll(deleteRequestedFor(urlPathEqualTo(CANCEL_PATH))))
        .hasSize(1 + NETWORK_RETRIES)
        .extracting(LoggedRequest::getHeaders)
        .allSatisfy(
            headers ->
                assertThat(headers.getHeader("Idempotency-Key").firstValue()).isEqualTo(KEY));
  }

  private static void answerCancel(int status, ObjectNode body) {
    stripeApi.stubFor(delete(urlPathEqualTo(CANCEL_PATH)).willReturn(stripeAnswer(status, body)));
  }

  private static ResponseDefinitionBuilder stripeAnswer(int status, ObjectNode body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", "req_test")
        .withBody(body.toString());
  }

  /**
   * Stripe's answer to a cancel: the subscription, now canceled (fixture from Stripe's OpenAPI).
   */
  private static ObjectNode cancelledSubscription() {
    try (InputStream in =
        StripeSubscriptionCancellationTest.class.getResourceAsStream(
            "/stripe-fixtures/subscription.json")) {
      ObjectNode subscription = (ObjectNode) JSON.readTree(in);
      subscription.put("id", SUBSCRIPTION_ID);
      subscription.put("status", "canceled");
      return subscription;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode error(String type, String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error").put("type", type).put("message", message);
    if (code != null) {
      error.put("code", code);
    }
    return body;
  }
}
