package com.example.dunning.activities.payment;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends stripe-java's requests as its own {@code HttpURLConnectionClient} does (same headers,
 * timeouts, proxy, kept-alive connections), except that the {@code X-Stripe-Client-User-Agent}
 * header is built once: stripe-java builds it for every request, reading Gson's version from the
 * class path each time, which in a packaged jar costs a seventh of the worker's CPU per step
 * (docs/benchmarks.md). Proxy credentials are not supported (the service sets none).
 */
final class StripeHttpClient extends HttpClient {

  private final String clientUserAgent = buildXStripeClientUserAgentString();

  @Override
  public StripeResponse request(StripeRequest request) throws ApiConnectionException {
    try {
      HttpURLConnection connection = open(request);
      int code = connection.getResponseCode();
      Map<String, List<String>> headers = new HashMap<>();
      connection
          .getHeaderFields()
          .forEach(
              (name, values) -> {
                if (name != null) { // the status line
                  headers.put(name, values);
                }
              });
      try (InputStream body =
          code >= 200 && code < 300 ? connection.getInputStream() : connection.getErrorStream()) {
        String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
        return new StripeResponse(code, HttpHeaders.of(headers), text);
      }
    } catch (IOException e) {
      throw new ApiConnectionException(
          "IOException during API request to Stripe (%s): %s".formatted(request.url(), e), e);
    }
  }

  private HttpURLConnection open(StripeRequest request) throws IOException {
    Proxy proxy = request.options().getConnectionProxy();
    HttpURLConnection connection =
        (HttpURLConnection)
            (proxy == null ? request.url().openConnection() : request.url().openConnection(proxy));
    connection.setConnectTimeout(request.options().getConnectTimeout());
    connection.setReadTimeout(request.options().getReadTimeout());
    connection.setUseCaches(false);
    connection.setRequestProperty("User-Agent", buildUserAgentString(request));
    connection.setRequestProperty("X-Stripe-Client-User-Agent", clientUserAgent);
    request
        .headers()
        .map()
        .forEach((name, values) -> connection.setRequestProperty(name, String.join(",", values)));
    connection.setRequestMethod(request.method().name());
    if (request.content() != null) {
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", request.content().contentType());
      try (OutputStream out = connection.getOutputStream()) {
        out.write(request.content().byteArrayContent());
      }
    }
    return connection;
  }
}
