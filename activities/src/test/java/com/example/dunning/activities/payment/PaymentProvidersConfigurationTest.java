package com.example.dunning.activities.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;

@ExtendWith(OutputCaptureExtension.class)
class PaymentProvidersConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withBean(RestClient.Builder.class, RestClient::builder)
          .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
          .withUserConfiguration(
              CredentialRefusals.class,
              ElasticPathPaymentProvider.class,
              FrontpaymentPaymentProvider.class,
              ProviderPaymentActivities.class);

  @Test
  void givenEveryProperty_whenTheContextStarts_itShouldBindThemAndWarnOfNothing(
      CapturedOutput output) {
    context
        .withPropertyValues(
            "dunning.elasticpath.base-url=http://127.0.0.1:1",
            "dunning.elasticpath.client-id=id",
            "dunning.elasticpath.client-secret=secret",
            "dunning.elasticpath.read-timeout=7s",
            "dunning.frontpayment.base-url=http://127.0.0.1:2",
            "dunning.frontpayment.token=token",
            "dunning.frontpayment.time-zone=UTC")
        .run(
            started -> {
              assertThat(started).hasSingleBean(ProviderPaymentActivities.class);
              assertThat(started.getBean(ElasticPathProperties.class))
                  .isEqualTo(
                      new ElasticPathProperties(
                          "http://127.0.0.1:1",
                          "id",
                          "secret",
                          Duration.ofSeconds(5),
                          Duration.ofSeconds(7)));
              assertThat(started.getBean(FrontpaymentProperties.class))
                  .isEqualTo(
                      new FrontpaymentProperties(
                          "http://127.0.0.1:2",
                          "token",
                          ZoneId.of("UTC"),
                          Duration.ofSeconds(5),
                          Duration.ofSeconds(20)));
            });
    assertThat(output).doesNotContain("is not configured");
  }

  @Test
  void givenNoCredentials_whenTheContextStarts_itShouldStartAndSaySoOncePerProvider(
      CapturedOutput output) {
    context.run(
        started -> {
          assertThat(started).hasNotFailed();
          assertThat(started.getBean(ElasticPathProperties.class).baseUrl())
              .isEqualTo("https://useast.api.elasticpath.com");
        });
    assertThat(output.getOut().lines().filter(line -> line.contains("WARN")))
        .filteredOn(line -> line.contains("is not configured"))
        .hasSize(2)
        .anySatisfy(line -> assertThat(line).contains("ELASTICPATH_CLIENT_ID"))
        .anySatisfy(line -> assertThat(line).contains("FRONTPAYMENT_TOKEN"));
  }
}
