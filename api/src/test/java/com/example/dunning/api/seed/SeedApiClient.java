package com.example.dunning.api.seed;

import com.example.dunning.api.security.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Every request of the seed tests goes through here, with a read token. */
public final class SeedApiClient {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public SeedApiClient(String base) {
    this.base = base;
  }

  /**
   * @param accept the Accept header, or null to send none
   */
  public HttpResponse<String> get(String path, String accept) {
    return send(request(path, accept).GET());
  }

  /**
   * @param contentType the Content-Type header, or null to send none
   * @param accept the Accept header, or null to send none
   */
  public HttpResponse<String> post(String path, String contentType, String accept, String body) {
    HttpRequest.Builder request =
        request(path, accept).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  private HttpRequest.Builder request(String path, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + TestTokens.READER);
    if (accept != null) {
      request.header("Accept", accept);
    }
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
