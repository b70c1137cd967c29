package com.example.dunning.api.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a webhook did, as answered to Stripe. */
public record WebhookOutcome(
    String eventType, String workflowId, String signal, WebhookOutcome.Result result) {

  /** What became of the event; {@link #word()} is how the answer to Stripe says it. */
  public enum Result {
    /** Started or signalled a dunning. */
    DELIVERED("delivered"),
    /** The dunning of that invoice has ended: a duplicate, nothing started. */
    CLOSED("closed"),
    /** No dunning to signal. */
    NOT_RUNNING("not-running"),
    /** A deleted subscription without a latest invoice: no dunning to name. */
    NO_INVOICE("no-invoice"),
    IGNORED("ignored");

    private final String word;

    Result(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    @Override
    public String toString() {
      return word;
    }
  }

  static WebhookOutcome ignored(String eventType) {
    return new WebhookOutcome(eventType, null, null, Result.IGNORED);
  }

  static WebhookOutcome delivered(String eventType, String workflowId, String signal) {
    return new WebhookOutcome(eventType, workflowId, signal, Result.DELIVERED);
  }

  static WebhookOutcome closed(String eventType, String workflowId, String signal) {
    return new WebhookOutcome(eventType, workflowId, signal, Result.CLOSED);
  }

  static WebhookOutcome notRunning(String eventType, String workflowId, String signal) {
    return new WebhookOutcome(eventType, workflowId, signal, Result.NOT_RUNNING);
  }

  static WebhookOutcome noInvoice(String eventType, String signal) {
    return new WebhookOutcome(eventType, null, signal, Result.NO_INVOICE);
  }

  Map<String, Object> toBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("received", true);
    if (result == Result.IGNORED) {
      body.put("ignored", eventType);
      return body;
    }
    body.put("type", eventType);
    body.put("workflowId", workflowId);
    body.put("signal", signal);
    body.put("result", result.word());
    return body;
  }
}
