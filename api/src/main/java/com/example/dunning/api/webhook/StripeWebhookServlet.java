package com.example.dunning.api.webhook;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowServiceException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhook endpoint: verifies, hands the event to the router, answers. A plain servlet
 * rather than a Spring MVC handler: every delivery is one small JSON answer, and the intake's
 * throughput is bounded by the CPU each request costs, which MVC's argument and return-value
 * handling would add to.
 */
final class StripeWebhookServlet extends HttpServlet {

  static final String PATH = "/webhooks/stripe";
  static final int MAX_BODY_BYTES = 256 * 1024;
  static final long SIGNATURE_TOLERANCE_SECONDS = 300;

  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(StripeWebhookServlet.class);

  private final transient StripeWebhookProperties properties;
  private final transient StripeEventRouter router;
  private final transient JsonMapper json;

  StripeWebhookServlet(
      StripeWebhookProperties properties, StripeEventRouter router, JsonMapper json) {
    this.properties = properties;
    this.router = router;
    this.json = json;
    if (!properties.hasSecret()) {
      log.warn("STRIPE_WEBHOOK_SECRET is not set: every Stripe webhook is refused with 503");
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Answer answer;
    try {
      answer = receive(request);
    } catch (MalformedEventException e) {
      answer = error(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
    } catch (WorkflowServiceException | StatusRuntimeException e) {
      // Temporal unreachable or refusing: 503, and Stripe delivers the event again later.
      log.warn("Stripe webhook not handed to Temporal, Stripe will retry", e);
      answer =
          error(
              HttpServletResponse.SC_SERVICE_UNAVAILABLE,
              "dunning service unavailable, retry later");
    }
    byte[] body = json.writeValueAsBytes(answer.body());
    response.setStatus(answer.status());
    response.setContentType("application/json");
    response.setContentLength(body.length);
    try (OutputStream out = response.getOutputStream()) {
      out.write(body);
    }
  }

  private Answer receive(HttpServletRequest request) throws IOException {
    if (!properties.hasSecret()) {
      return error(
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          "webhooks are refused until STRIPE_WEBHOOK_SECRET is set");
    }
    byte[] body = readAtMost(request, MAX_BODY_BYTES);
    if (body == null) {
      return error(
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "body larger than " + MAX_BODY_BYTES + " bytes");
    }
    String signature = request.getHeader("Stripe-Signature");
    if (signature == null || signature.isBlank()) {
      return error(HttpServletResponse.SC_BAD_REQUEST, "missing Stripe-Signature header");
    }
    try {
      Webhook.Signature.verifyHeader(
          new String(body, StandardCharsets.UTF_8),
          signature,
          properties.webhookSecret(),
          SIGNATURE_TOLERANCE_SECONDS);
    } catch (SignatureVerificationException e) {
      return error(HttpServletResponse.SC_BAD_REQUEST, "invalid signature: " + e.getMessage());
    }
    if (signedAt(signature) > Instant.now().getEpochSecond() + SIGNATURE_TOLERANCE_SECONDS) {
      // stripe-java bounds only the past: a delivery signed ahead of time would stay valid until
      // then.
      return error(
          HttpServletResponse.SC_BAD_REQUEST,
          "invalid signature: Timestamp outside the tolerance zone (in the future)");
    }
    StripeEvent event = StripeEvent.read(json, body);
    WebhookOutcome outcome = router.route(event);
    log.info(
        "Stripe {} {}: {} {}",
        event.id(),
        outcome.eventType(),
        outcome.result(),
        outcome.workflowId());
    return new Answer(HttpServletResponse.SC_OK, outcome.toBody());
  }

  /**
   * The {@code t=} of a header stripe-java has verified, read as it reads it (the first {@code t}),
   * so it is there and a number.
   */
  private static long signedAt(String signature) {
    for (String item : signature.split(",", -1)) {
      String[] pair = item.split("=", 2);
      if (pair.length == 2 && pair[0].equals("t")) {
        return Long.parseLong(pair[1]);
      }
    }
    throw new IllegalStateException("a verified Stripe-Signature without t=");
  }

  /**
   * @return the body, or null when it is larger than {@code limit}
   */
  private static byte[] readAtMost(HttpServletRequest request, int limit) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      if (declared >= 0) {
        // Tomcat reads no further than Content-Length: one array of the body's size, no copies.
        return in.readNBytes((int) declared);
      }
      byte[] body = in.readNBytes(limit + 1);
      return body.length > limit ? null : body;
    }
  }

  private static Answer error(int status, String message) {
    return new Answer(status, Map.of("error", message));
  }

  private record Answer(int status, Map<String, Object> body) {}
}
