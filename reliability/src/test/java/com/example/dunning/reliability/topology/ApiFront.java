package com.example.dunning.reliability.topology;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a load balancer in front of one API does for a webhook: forwards the request and its answer,
 * and answers 503 itself while the API is down (refusing or cutting off connections), as a balancer
 * without a healthy backend does. Stripe delivers a webhook answered 503 again.
 */
final class ApiFront implements AutoCloseable {

  private static final List<String> FORWARDED = List.of("Content-Type", "Stripe-Signature");

  private final HttpServer server;
  private final ExecutorService threads;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI api;

  /** Requests the front answered 503 because the API was down. */
  final AtomicInteger answeredUnavailable = new AtomicInteger();

  private ApiFront(HttpServer server, ExecutorService threads, URI api) {
    this.server = server;
    this.threads = threads;
    this.api = api;
  }

  /** A front on a free port of 127.0.0.1 for the API on {@code apiPort}. */
  static ApiFront to(int apiPort, int connections) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ExecutorService threads = Executors.newFixedThreadPool(connections);
    ApiFront front = new ApiFront(server, threads, URI.create("http://127.0.0.1:" + apiPort));
    server.createContext("/", front::forward);
    server.setExecutor(threads);
    server.start();
    return front;
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(api.resolve(exchange.getRequestURI()))
              .timeout(Duration.ofSeconds(60))
              .method(
                  exchange.getRequestMethod(),
                  HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
      for (String header : FORWARDED) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          request.header(header, value);
        }
      }
      HttpResponse<byte[]> answer;
      try {
        answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException down) {
        answeredUnavailable.incrementAndGet();
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      answer
          .headers()
          .firstValue("Content-Type")
          .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
      byte[] body = answer.body();
      exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
