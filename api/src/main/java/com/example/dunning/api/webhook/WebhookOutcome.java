package com.example.dunning.api.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a webhook did, as answered to Stripe.
 *
 * @param result {@code delivered} (started or signalled), {@code closed} (the dunning of that
 *     invoice has ended: a duplicate, nothing started), {@code not-running} (no dunning to signal)
 *     or {@code ignored}
 */
public record WebhookOutcome(String eventType, String workflowId, String signal, String result) {

  static WebhookOutcome ignored(String eventType) {
    return new WebhookOutcome(eventType, null, null, "ignored");
  }

  static WebhookOutcome delivered(String eventType, String workflowId, String signal) {
    return new WebhookOutcome(eventType, workflowId, signal, "delivered");
  }

  static WebhookOutcome closed(String eventType, String workflowId, String signal) {
    return new WebhookOutcome(eventType, workflowId, signal, "closed");
  }

  static WebhookOutcome notRunning(String eventType, String workflowId, String signal) {
    return new WebhookOutcome(eventType, workflowId, signal, "not-running");
  }

  Map<String, Object> toBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("received", true);
    if ("ignored".equals(result)) {
      body.put("ignored", eventType);
      return body;
    }
    body.put("type", eventType);
    body.put("workflowId", workflowId);
    body.put("signal", signal);
    body.put("result", result);
    return body;
  }
}
