package com.example.dunning.activities.events;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** POSTs one signed event to one endpoint. */
final class EventSender {

  private final HttpClient http;
  private final Duration timeout;

  EventSender(Duration timeout) {
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * @return the HTTP status the endpoint answered
   * @throws IOException when no answer came (refused, timed out, reset)
   */
  int send(EventEndpoint endpoint, String body, Instant now)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.url())
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "dunning-events/1")
            .header(
                EventSignature.HEADER,
                EventSignature.header(body, now.getEpochSecond(), endpoint.secrets()))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
