package com.example.dunning.activities.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The endpoints' settings checked when the worker starts, given as environment variables (bound by
 * Spring's relaxed binding, as in production).
 */
class EventEndpointsTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  private final ApplicationContextRunner worker =
      new ApplicationContextRunner().withUserConfiguration(EventEndpoints.class);

  private static ApplicationContextRunner withEnvironment(
      ApplicationContextRunner runner, String... variables) {
    Map<String, Object> environment = new LinkedHashMap<>();
    for (String variable : variables) {
      String[] pair = variable.split("=", 2);
      environment.put(pair[0], pair[1]);
    }
    return runner.withInitializer(
        context ->
            context
                .getEnvironment()
                .getPropertySources()
                .addFirst(
                    new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));
  }

  @Test
  void givenNoEndpoint_whenTheWorkerStarts_itShouldStartWithNone() {
    worker.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(EventEndpoints.class).isEmpty()).isTrue();
        });
  }

  @Test
  void givenAWellFormedEndpoint_whenTheWorkerStarts_itShouldKeepItsUrlSecretAndTypes() {
    withEnvironment(
            worker,
            "DUNNING_EVENTS_ENDPOINTS_0_URL=https://crm.example.com/dunning",
            "DUNNING_EVENTS_ENDPOINTS_0_SECRET=" + SECRET,
            "DUNNING_EVENTS_ENDPOINTS_0_TYPES=dunning.package_expired,dunning.package_restored")
        .run(
            context -> {
              EventEndpoint endpoint = context.getBean(EventEndpoints.class).all().get(0);
              assertThat(endpoint.key()).isEqualTo("https://crm.example.com/dunning");
              assertThat(endpoint.secrets()).containsExactly(SECRET);
              assertThat(endpoint.accepts(EventType.PACKAGE_EXPIRED)).isTrue();
              assertThat(endpoint.accepts(EventType.NOTICE_SENT)).isFalse();
            });
  }

  @Test
  void givenTwoSecretsWhileRotating_whenTheWorkerStarts_itShouldKeepBothTheNewFirst() {
    withEnvironment(
            worker,
            "DUNNING_EVENTS_ENDPOINTS_0_URL=https://crm.example.com/dunning",
            "DUNNING_EVENTS_ENDPOINTS_0_SECRET=new-" + SECRET + ",old-" + SECRET)
        .run(
            context ->
                assertThat(context.getBean(EventEndpoints.class).all().get(0).secrets())
                    .containsExactly("new-" + SECRET, "old-" + SECRET));
  }

  @Test
  void givenAMalformedUrl_whenTheWorkerStarts_itShouldRefuseNamingTheSetting() {
    refused(
        "DUNNING_EVENTS_ENDPOINTS_0_URL",
        "DUNNING_EVENTS_ENDPOINTS_0_URL=crm.example.com/dunning",
        "DUNNING_EVENTS_ENDPOINTS_0_SECRET=" + SECRET);
  }

  @Test
  void givenASecretShorterThan32Bytes_whenTheWorkerStarts_itShouldRefuseNamingTheSetting() {
    refused(
        "DUNNING_EVENTS_ENDPOINTS_1_SECRET",
        "DUNNING_EVENTS_ENDPOINTS_0_URL=https://a.example.com/",
        "DUNNING_EVENTS_ENDPOINTS_0_SECRET=" + SECRET,
        "DUNNING_EVENTS_ENDPOINTS_1_URL=https://b.example.com/",
        "DUNNING_EVENTS_ENDPOINTS_1_SECRET=" + SECRET.substring(1));
  }

  @Test
  void givenAShortOldSecretWhileRotating_whenTheWorkerStarts_itShouldRefuseNamingTheSetting() {
    refused(
        "DUNNING_EVENTS_ENDPOINTS_0_SECRET",
        "DUNNING_EVENTS_ENDPOINTS_0_URL=https://a.example.com/",
        "DUNNING_EVENTS_ENDPOINTS_0_SECRET=" + SECRET + ",short");
  }

  @Test
  void givenNoSecret_whenTheWorkerStarts_itShouldRefuseNamingTheSetting() {
    refused(
        "DUNNING_EVENTS_ENDPOINTS_0_SECRET",
        "DUNNING_EVENTS_ENDPOINTS_0_URL=https://a.example.com/");
  }

  @Test
  void givenAnUnknownType_whenTheWorkerStarts_itShouldRefuseNamingTheSetting() {
    refused(
        "DUNNING_EVENTS_ENDPOINTS_0_TYPES",
        "DUNNING_EVENTS_ENDPOINTS_0_URL=https://a.example.com/",
        "DUNNING_EVENTS_ENDPOINTS_0_SECRET=" + SECRET,
        "DUNNING_EVENTS_ENDPOINTS_0_TYPES=dunning.package_expired,package_restored");
  }

  private void refused(String setting, String... properties) {
    withEnvironment(worker, properties)
        .run(
            context -> {
              assertThat(context).hasFailed();
              Throwable cause = context.getStartupFailure();
              while (cause.getCause() != null) {
                cause = cause.getCause();
              }
              assertThat(cause).hasMessageStartingWith(setting);
            });
  }
}
