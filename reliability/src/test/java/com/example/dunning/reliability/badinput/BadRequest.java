package com.example.dunning.reliability.badinput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the bad-input table: a request the service must refuse (or answer without acting), the
 * status it documents, words its answer must hold, and the dunnings it must not have started.
 *
 * @param path the raw path and query, sent as written (percent-encodings kept)
 * @param headers sent as given; {@code Authorization} only when named here
 * @param body null for none
 * @param mustNotExist workflow ids that must not exist afterwards
 */
record BadRequest(
    String endpoint,
    String name,
    String method,
    String path,
    Map<String, String> headers,
    String body,
    int status,
    String says,
    List<String> mustNotExist) {

  static Builder to(String endpoint, String method, String path) {
    return new Builder(endpoint, method, path);
  }

  @Override
  public String toString() {
    return endpoint + ": " + name + " -> " + status;
  }

  static final class Builder {
    private final String endpoint;
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;
    private List<String> mustNotExist = List.of();

    private Builder(String endpoint, String method, String path) {
      this.endpoint = endpoint;
      this.method = method;
      this.path = path;
    }

    Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Builder token(String token) {
      return header("Authorization", "Bearer " + token);
    }

    Builder json(String json) {
      headers.putIfAbsent("Content-Type", "application/json");
      this.body = json;
      return this;
    }

    Builder body(String contentType, String body) {
      headers.put("Content-Type", contentType);
      this.body = body;
      return this;
    }

    Builder noWorkflow(String... workflowIds) {
      this.mustNotExist = List.of(workflowIds);
      return this;
    }

    BadRequest is(String name, int status, String says) {
      if (says.isBlank()) {
        // contains("") holds for any answer: each case names what its answer must say.
        throw new IllegalArgumentException(name + ": the words its answer must hold");
      }
      return new BadRequest(
          endpoint, name, method, path, Map.copyOf(headers), body, status, says, mustNotExist);
    }
  }
}
