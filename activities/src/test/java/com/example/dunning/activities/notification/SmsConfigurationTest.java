package com.example.dunning.activities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SmsConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(SmsConfiguration.class);

  @Test
  void givenNoTwilioAuthToken_whenStarted_itShouldDisableSms() {
    context
        .withPropertyValues("dunning.sms.twilio.account-sid=AC123", "dunning.sms.twilio.from=+1500")
        .run(
            started ->
                assertThat(started.getBean(SmsSender.class)).isInstanceOf(DisabledSmsSender.class));
  }

  @Test
  void givenTheTwilioAccount_whenStarted_itShouldSendWithTwilio() {
    context
        .withPropertyValues(
            "dunning.sms.twilio.account-sid=AC123",
            "dunning.sms.twilio.auth-token=secret",
            "dunning.sms.twilio.from=+15005550006")
        .run(
            started -> {
              assertThat(started.getBean(SmsSender.class)).isInstanceOf(TwilioSmsSender.class);
              TwilioProperties twilio = started.getBean(TwilioProperties.class);
              assertThat(twilio.baseUrl()).isEqualTo("https://api.twilio.com");
              assertThat(twilio.readTimeout()).hasSeconds(20);
            });
  }
}
