package com.example.dunning.api.webhook;

import com.google.gson.JsonParseException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowServiceException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Stripe's webhook endpoint: verifies, hands the event to the router, answers. */
@RestController
class StripeWebhookController {

  static final int MAX_BODY_BYTES = 256 * 1024;
  static final long SIGNATURE_TOLERANCE_SECONDS = 300;

  private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

  private final StripeWebhookProperties properties;
  private final StripeEventRouter router;

  StripeWebhookController(StripeWebhookProperties properties, StripeEventRouter router) {
    this.properties = properties;
    this.router = router;
    if (!properties.hasSecret()) {
      log.warn("STRIPE_WEBHOOK_SECRET is not set: every Stripe webhook is refused with 503");
    }
  }

  @PostMapping(path = "/webhooks/stripe", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> receive(
      HttpServletRequest request,
      @RequestHeader(name = "Stripe-Signature", required = false) String signature)
      throws IOException {
    if (!properties.hasSecret()) {
      return error(
          HttpStatus.SERVICE_UNAVAILABLE,
          "webhooks are refused until STRIPE_WEBHOOK_SECRET is set");
    }
    byte[] body = readAtMost(request, MAX_BODY_BYTES);
    if (body == null) {
      return error(HttpStatus.CONTENT_TOO_LARGE, "body larger than " + MAX_BODY_BYTES + " bytes");
    }
    if (signature == null || signature.isBlank()) {
      return error(HttpStatus.BAD_REQUEST, "missing Stripe-Signature header");
    }
    Event event;
    try {
      event =
          Webhook.constructEvent(
              new String(body, StandardCharsets.UTF_8),
              signature,
              properties.webhookSecret(),
              SIGNATURE_TOLERANCE_SECONDS);
    } catch (SignatureVerificationException e) {
      return error(HttpStatus.BAD_REQUEST, "invalid signature: " + e.getMessage());
    } catch (JsonParseException e) {
      return error(HttpStatus.BAD_REQUEST, "malformed JSON");
    }
    WebhookOutcome outcome = router.route(event);
    log.info(
        "Stripe {} {}: {} {}",
        event.getId(),
        outcome.eventType(),
        outcome.result(),
        outcome.workflowId());
    return ResponseEntity.ok(outcome.toBody());
  }

  @ExceptionHandler(MalformedEventException.class)
  ResponseEntity<Map<String, Object>> malformed(MalformedEventException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  /** Temporal unreachable or refusing: 503, and Stripe delivers the event again later. */
  @ExceptionHandler({WorkflowServiceException.class, StatusRuntimeException.class})
  ResponseEntity<Map<String, Object>> temporalUnavailable(RuntimeException e) {
    log.warn("Stripe webhook not handed to Temporal, Stripe will retry", e);
    return error(HttpStatus.SERVICE_UNAVAILABLE, "dunning service unavailable, retry later");
  }

  /**
   * @return the body, or null when it is larger than {@code limit}
   */
  private static byte[] readAtMost(HttpServletRequest request, int limit) throws IOException {
    if (request.getContentLengthLong() > limit) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(limit + 1);
      return body.length > limit ? null : body;
    }
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", message));
  }
}
