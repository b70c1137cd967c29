package com.example.dunning.activities.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The configured event endpoints, checked when the worker starts: a malformed URL, a missing or
 * short secret or an unknown type stops the start with a message that names the setting, since a
 * mistake here would otherwise show only as events that never arrive.
 */
@Component
@EnableConfigurationProperties(EventEndpointProperties.class)
public class EventEndpoints {

  /** HMAC-SHA256 keys shorter than its 32-byte output weaken it. */
  static final int MIN_SECRET_BYTES = 32;

  /** At most the new secret and the one it replaces. */
  private static final int MAX_SECRETS = 2;

  private final List<EventEndpoint> endpoints;
  private final Duration pollEvery;
  private final Duration timeout;
  private final Duration giveUpAfter;

  @Autowired
  public EventEndpoints(EventEndpointProperties properties) {
    List<EventEndpoint> checked = new ArrayList<>();
    List<EventEndpointProperties.Endpoint> written = properties.getEndpoints();
    for (int n = 0; n < written.size(); n++) {
      checked.add(check(n, written.get(n)));
    }
    this.endpoints = List.copyOf(checked);
    this.pollEvery = positive(properties.getPollEvery(), "DUNNING_EVENTS_POLL_EVERY");
    this.timeout = positive(properties.getTimeout(), "DUNNING_EVENTS_TIMEOUT");
    this.giveUpAfter = positive(properties.getGiveUpAfter(), "DUNNING_EVENTS_GIVE_UP_AFTER");
  }

  /** Endpoints as they are, for tests and the dev stack. */
  public static EventEndpoints of(EventEndpoint... endpoints) {
    EventEndpoints none = new EventEndpoints(new EventEndpointProperties());
    return new EventEndpoints(List.of(endpoints), none);
  }

  /** No endpoint: no events are written and nothing is delivered. */
  public static EventEndpoints none() {
    return of();
  }

  private EventEndpoints(List<EventEndpoint> endpoints, EventEndpoints defaults) {
    this.endpoints = List.copyOf(endpoints);
    this.pollEvery = defaults.pollEvery;
    this.timeout = defaults.timeout;
    this.giveUpAfter = defaults.giveUpAfter;
  }

  public List<EventEndpoint> all() {
    return endpoints;
  }

  public boolean isEmpty() {
    return endpoints.isEmpty();
  }

  /** The endpoints that want events of {@code type}. */
  public List<EventEndpoint> accepting(EventType type) {
    return endpoints.stream().filter(e -> e.accepts(type)).toList();
  }

  public Optional<EventEndpoint> byKey(String key) {
    return endpoints.stream().filter(e -> e.key().equals(key)).findFirst();
  }

  public Duration pollEvery() {
    return pollEvery;
  }

  public Duration timeout() {
    return timeout;
  }

  public Duration giveUpAfter() {
    return giveUpAfter;
  }

  private static EventEndpoint check(int n, EventEndpointProperties.Endpoint written) {
    return new EventEndpoint(
        url(n, written.getUrl()), secrets(n, written.getSecret()), types(n, written.getTypes()));
  }

  private static URI url(int n, String url) {
    String setting = setting(n, "URL", "url");
    if (url == null || url.isBlank()) {
      throw refused(setting, "is missing");
    }
    try {
      URI uri = new URI(url.strip());
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (!http || uri.getHost() == null || uri.getHost().isBlank()) {
        throw refused(setting, "must be an absolute http or https URL with a host: " + url);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw refused(setting, "is not a URL: " + e.getMessage());
    }
  }

  private static List<String> secrets(int n, List<String> written) {
    String setting = setting(n, "SECRET", "secret");
    List<String> secrets =
        written == null ? List.of() : written.stream().filter(s -> !s.isBlank()).toList();
    if (secrets.isEmpty()) {
      throw refused(setting, "is missing");
    }
    if (secrets.size() > MAX_SECRETS) {
      throw refused(
          setting, "holds " + secrets.size() + " secrets; at most the new one and the old one");
    }
    for (String secret : secrets) {
      int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
      if (bytes < MIN_SECRET_BYTES) {
        throw refused(
            setting,
            "holds a secret of "
                + bytes
                + " bytes; each must be at least "
                + MIN_SECRET_BYTES
                + " (e.g. openssl rand -hex 32)");
      }
    }
    return secrets;
  }

  private static Set<EventType> types(int n, List<String> written) {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (String name : written == null ? List.<String>of() : written) {
      if (name.isBlank()) {
        continue;
      }
      types.add(
          EventType.ofWireName(name.strip())
              .orElseThrow(
                  () ->
                      refused(
                          setting(n, "TYPES", "types"),
                          "names an unknown event type '" + name.strip() + "'")));
    }
    return types;
  }

  private static Duration positive(Duration value, String setting) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalStateException(setting + " must be a positive duration, not " + value);
    }
    return value;
  }

  private static String setting(int n, String variable, String property) {
    return "DUNNING_EVENTS_ENDPOINTS_"
        + n
        + "_"
        + variable
        + " (dunning.events.endpoints["
        + n
        + "]."
        + property
        + ")";
  }

  private static IllegalStateException refused(String setting, String why) {
    return new IllegalStateException(setting + " " + why);
  }
}
