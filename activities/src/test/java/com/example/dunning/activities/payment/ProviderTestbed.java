package com.example.dunning.activities.payment;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.activities.PaymentActivities.PaymentRef;
import com.example.dunning.workflows.model.PaymentDetails;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.web.client.RestClient;

/**
 * The non-Stripe providers as the worker runs them (behind {@link ProviderPaymentActivities}, on
 * Temporal's activity test environment, one attempt per call) against a WireMock server that speaks
 * their APIs.
 */
final class ProviderTestbed implements AutoCloseable {

  static final String CLIENT_ID = "ep-client";
  static final String CLIENT_SECRET = "ep-secret";
  static final String FRONTPAYMENT_TOKEN = "fp-token";

  final WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort());
  final MovableClock clock = new MovableClock();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private TestActivityEnvironment temporal;
  private ElasticPathPaymentProvider elasticPath;
  private FrontpaymentPaymentProvider frontpayment;
  private PaymentActivities activities;

  ProviderTestbed() {
    api.start();
  }

  /** Both providers configured against the WireMock server, with short timeouts. */
  ProviderTestbed configured() {
    return with(
        new ElasticPathProperties(
            api.baseUrl(), CLIENT_ID, CLIENT_SECRET, Duration.ofSeconds(2), Duration.ofSeconds(4)),
        new FrontpaymentProperties(
            api.baseUrl(),
            FRONTPAYMENT_TOKEN,
            ZoneId.of("Europe/Oslo"),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4)));
  }

  ProviderTestbed with(ElasticPathProperties elasticPath, FrontpaymentProperties frontpayment) {
    if (temporal != null) {
      temporal.close();
    }
    meters.clear(); // counts start again with the new providers
    CredentialRefusals refusals = new CredentialRefusals(meters);
    this.elasticPath =
        new ElasticPathPaymentProvider(elasticPath, RestClient.builder(), refusals, clock);
    this.frontpayment =
        new FrontpaymentPaymentProvider(frontpayment, RestClient.builder(), refusals);
    temporal = TestActivityEnvironment.newInstance();
    temporal.registerActivitiesImplementations(
        new ProviderPaymentActivities(List.of(this.elasticPath, this.frontpayment)));
    activities =
        temporal.newActivityStub(
            PaymentActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
    return this;
  }

  /** How many answers of {@code provider} with {@code status} refused our credentials. */
  double refusals(String provider, int status) {
    Counter counter =
        meters
            .find(CredentialRefusals.METER)
            .tag("provider", provider)
            .tag("status", Integer.toString(status))
            .counter();
    return counter == null ? 0 : counter.count();
  }

  PaymentActivities activities() {
    return activities;
  }

  PaymentDetails fetch(String provider, String invoiceId) {
    return activities.fetchPayment(new PaymentRef(provider, invoiceId));
  }

  /** The failure the activity ended with, as the workflow sees it. */
  ApplicationFailure failureOf(String provider, String invoiceId) {
    try {
      activities.fetchPayment(new PaymentRef(provider, invoiceId));
    } catch (ActivityFailure failure) {
      if (failure.getCause() instanceof ApplicationFailure cause) {
        return cause;
      }
      throw failure;
    }
    throw new AssertionError("the fetch of " + invoiceId + " did not fail");
  }

  /**
   * The failure of a fetch as the adapter raises it, before Temporal carries it: what the worker
   * hands to the server, with the retry delay the provider asked for.
   */
  ApplicationFailure adapterFailureOf(String provider, String invoiceId) {
    PaymentProvider adapter = provider.equals(elasticPath.name()) ? elasticPath : frontpayment;
    try {
      adapter.fetchPayment(invoiceId);
    } catch (ApplicationFailure failure) {
      return failure;
    }
    throw new AssertionError("the fetch of " + invoiceId + " did not fail");
  }

  static String resource(String path) {
    try (InputStream in = ProviderTestbed.class.getResourceAsStream("/providers/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource providers/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (temporal != null) {
      temporal.close();
    }
    api.stop();
  }

  /** A clock the token tests move forward. */
  static final class MovableClock extends Clock {

    private volatile Instant now = Instant.parse("2026-11-27T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
