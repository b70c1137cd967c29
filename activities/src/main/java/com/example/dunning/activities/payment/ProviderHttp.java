package com.example.dunning.activities.payment;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * HTTP to one provider, with connect and read timeouts on every call. Answers come back whatever
 * their status; only a provider that does not answer at all fails here, retryably.
 */
final class ProviderHttp {

  /** A longer Retry-After is cut to this: the activity's retries carry on meanwhile. */
  static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

  private static final int MAX_BODY_IN_MESSAGE = 300;

  private final String provider;
  private final RestClient http;

  ProviderHttp(
      String provider,
      String baseUrl,
      Duration connectTimeout,
      Duration readTimeout,
      RestClient.Builder builder) {
    this.provider = provider;
    // HTTP/1.1: the JDK's h2c upgrade on plain http left answers without a body hanging until the
    // read timeout (seen against WireMock); the providers' https endpoints lose nothing by it.
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
    requests.setReadTimeout(readTimeout);
    this.http = builder.clone().baseUrl(baseUrl).requestFactory(requests).build();
  }

  /** What the provider answered. */
  record Answer(int status, String body, Duration retryAfter) {

    boolean isSuccess() {
      return status >= 200 && status < 300;
    }

    /** The body, short enough for a log line or a failure message. */
    String excerpt() {
      if (body == null || body.isBlank()) {
        return "no body";
      }
      String flat = body.strip().replaceAll("\\s+", " ");
      return flat.length() <= MAX_BODY_IN_MESSAGE
          ? flat
          : flat.substring(0, MAX_BODY_IN_MESSAGE) + "…";
    }
  }

  Answer get(String path, Consumer<HttpHeaders> headers, Object... pathVariables) {
    return call(() -> http.get().uri(path, pathVariables).headers(headers));
  }

  Answer post(String path, Consumer<HttpHeaders> headers, Object body) {
    return call(() -> http.post().uri(path).headers(headers).body(body));
  }

  private Answer call(java.util.function.Supplier<RestClient.RequestHeadersSpec<?>> request) {
    try {
      return request
          .get()
          .exchange(
              (sent, response) -> {
                String body;
                try (InputStream in = response.getBody()) {
                  body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                return new Answer(
                    response.getStatusCode().value(),
                    body,
                    retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
              },
              true);
    } catch (ResourceAccessException e) {
      throw ProviderFailures.unavailable(
          provider, "did not answer: " + describe(e.getCause() == null ? e : e.getCause()), null);
    }
  }

  /** The failure for an answer that is neither a success nor one the adapter handles itself. */
  RuntimeException failure(Answer answer, String what) {
    int status = answer.status();
    if (status == 429 || status >= 500) {
      return ProviderFailures.unavailable(
          provider,
          "answered " + status + " for " + what + ": " + answer.excerpt(),
          answer.retryAfter());
    }
    // Anything else unexpected (400, 405, 409…) is retried too: a dunning waits rather than ends
    // on an answer nobody has looked at.
    return ProviderFailures.unavailable(
        provider, "answered " + status + " for " + what + ": " + answer.excerpt(), null);
  }

  /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    Duration delay;
    try {
      delay = Duration.ofSeconds(Long.parseLong(header.strip()));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at =
            ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        delay = Duration.between(Instant.now(), at);
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
    if (delay.isNegative() || delay.isZero()) {
      return Duration.ofSeconds(1);
    }
    return delay.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : delay;
  }

  private static String describe(Throwable e) {
    String kind = e instanceof IOException ? e.getClass().getSimpleName() : e.toString();
    return e.getMessage() == null ? kind : kind + " " + e.getMessage();
  }
}
