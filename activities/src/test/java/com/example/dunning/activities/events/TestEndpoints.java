package com.example.dunning.activities.events;

import java.time.Duration;
import java.util.List;

/** Endpoints as the worker reads them from its settings, for the event tests. */
final class TestEndpoints {

  static final String SECRET = "whsec_test_0123456789abcdef0123456789abcdef";
  static final String OLD_SECRET = "whsec_old_fedcba9876543210fedcba9876543210";

  private TestEndpoints() {}

  static EventEndpoints of(String url, String... types) {
    return of(Duration.ofSeconds(10), url, List.of(SECRET), types);
  }

  static EventEndpoints of(Duration timeout, String url, List<String> secrets, String... types) {
    EventEndpointProperties properties = new EventEndpointProperties();
    properties.setTimeout(timeout);
    EventEndpointProperties.Endpoint endpoint = new EventEndpointProperties.Endpoint();
    endpoint.setUrl(url);
    endpoint.setSecret(secrets);
    endpoint.setTypes(List.of(types));
    properties.setEndpoints(List.of(endpoint));
    return new EventEndpoints(properties);
  }

  /** Two endpoints, all types each. */
  static EventEndpoints two(String first, String second) {
    EventEndpointProperties properties = new EventEndpointProperties();
    EventEndpointProperties.Endpoint one = new EventEndpointProperties.Endpoint();
    one.setUrl(first);
    one.setSecret(List.of(SECRET));
    EventEndpointProperties.Endpoint other = new EventEndpointProperties.Endpoint();
    other.setUrl(second);
    other.setSecret(List.of(OLD_SECRET));
    properties.setEndpoints(List.of(one, other));
    return new EventEndpoints(properties);
  }
}
