package com.example.dunning.activities.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The endpoints that receive outbound events ({@code dunning.events.*}, or {@code
 * DUNNING_EVENTS_ENDPOINTS_<n>_URL}, {@code _SECRET}, {@code _TYPES}) and how they are delivered
 * to. Checked by {@link EventEndpoints} at start-up.
 */
@ConfigurationProperties("dunning.events")
public class EventEndpointProperties {

  private List<Endpoint> endpoints = new ArrayList<>();

  /** How often the worker looks for deliveries that are due. */
  private Duration pollEvery = Duration.ofSeconds(1);

  /** How long one HTTP delivery may take, connecting included. */
  private Duration timeout = Duration.ofSeconds(10);

  /** How long a delivery keeps being retried before it is recorded as failed. */
  private Duration giveUpAfter = Duration.ofDays(3);

  public List<Endpoint> getEndpoints() {
    return endpoints;
  }

  public void setEndpoints(List<Endpoint> endpoints) {
    this.endpoints = endpoints;
  }

  public Duration getPollEvery() {
    return pollEvery;
  }

  public void setPollEvery(Duration pollEvery) {
    this.pollEvery = pollEvery;
  }

  public Duration getTimeout() {
    return timeout;
  }

  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  public Duration getGiveUpAfter() {
    return giveUpAfter;
  }

  public void setGiveUpAfter(Duration giveUpAfter) {
    this.giveUpAfter = giveUpAfter;
  }

  /** One endpoint as written: a secret list is comma-separated, the current secret first. */
  public static class Endpoint {
    private String url;
    private List<String> secret = new ArrayList<>();
    private List<String> types = new ArrayList<>();

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public List<String> getSecret() {
      return secret;
    }

    public void setSecret(List<String> secret) {
      this.secret = secret;
    }

    public List<String> getTypes() {
      return types;
    }

    public void setTypes(List<String> types) {
      this.types = types;
    }
  }
}
