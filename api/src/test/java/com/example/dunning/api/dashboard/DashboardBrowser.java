package com.example.dunning.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen for the dashboard's tests: keeps the cookies it is given (whichever
 * API instance set them, as a browser does for one host), sends them to any port on localhost,
 * posts forms with the CSRF token of the page they came from, and follows no redirect by itself.
 */
public final class DashboardBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();

  /** Every request then carries this header, e.g. the client address a load balancer forwards. */
  public DashboardBrowser withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** The page's body; fails unless it answered 200. */
  public String get(int port, String path) {
    HttpResponse<String> page = send(request(port, path).GET());
    assertThat(page.statusCode()).as(path + ": " + page.body()).isEqualTo(200);
    return page.body();
  }

  public HttpResponse<String> fetch(int port, String path) {
    return send(request(port, path).GET());
  }

  /** Posts the form at {@code path} with the CSRF token found on {@code page}. */
  public HttpResponse<String> post(int port, String path, String page, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("_csrf", csrf(page));
    String body =
        form.entrySet().stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(port, path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Signs in with an API token on the login form; the answer is the form's redirect. */
  public HttpResponse<String> signIn(int port, String token) {
    String login = get(port, "/dashboard/login");
    return post(port, "/dashboard/login", login, Map.of("token", token));
  }

  public String cookie(String name) {
    return cookies.get(name);
  }

  private HttpRequest.Builder request(int port, String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            path.startsWith("http") ? URI.create(path) : URI.create(base(port) + path));
    headers.forEach(request::header);
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
              .collect(Collectors.joining("; ")));
    }
    return request;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String set : response.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String value = pair.substring(equals + 1);
        if (value.isEmpty()) {
          cookies.remove(pair.substring(0, equals));
        } else {
          cookies.put(pair.substring(0, equals), value);
        }
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String csrf(String page) {
    Matcher token = CSRF.matcher(page);
    assertThat(token.find()).as("a CSRF token on the page").isTrue();
    return token.group(1);
  }

  private static String base(int port) {
    return "http://localhost:" + port;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
