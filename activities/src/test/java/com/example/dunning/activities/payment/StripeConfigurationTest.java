package com.example.dunning.activities.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class StripeConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(StripeConfiguration.class);

  @Test
  void givenOnlyAnApiKey_whenTheContextStarts_itShouldUseTheDefaults() {
    context
        .withPropertyValues("dunning.stripe.api-key=sk_test_1")
        .run(
            started -> {
              assertThat(started).hasSingleBean(StripeClient.class);
              assertThat(started.getBean(StripeProperties.class))
                  .isEqualTo(
                      new StripeProperties(
                          "sk_test_1",
                          null,
                          true,
                          Duration.ofSeconds(10),
                          Duration.ofSeconds(30),
                          2));
            });
  }

  @Test
  void givenEveryProperty_whenTheContextStarts_itShouldBindThem() {
    context
        .withPropertyValues(
            "dunning.stripe.api-key=sk_test_2",
            "dunning.stripe.api-base=http://localhost:12111",
            "dunning.stripe.smart-retries=false",
            "dunning.stripe.connect-timeout=3s",
            "dunning.stripe.read-timeout=20s",
            "dunning.stripe.max-network-retries=0")
        .run(
            started ->
                assertThat(started.getBean(StripeProperties.class))
                    .isEqualTo(
                        new StripeProperties(
                            "sk_test_2",
                            "http://localhost:12111",
                            false,
                            Duration.ofSeconds(3),
                            Duration.ofSeconds(20),
                            0)));
  }

  @Test
  void givenNoApiKey_whenTheContextStarts_itShouldFailNamingTheProperty() {
    context
        .withPropertyValues("dunning.stripe.api-key=")
        .run(
            started ->
                assertThat(started)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("dunning.stripe.api-key"));
  }
}
