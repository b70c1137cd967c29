package com.example.dunning.activities.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Twilio when its account is configured; otherwise SMS are disabled, and said so at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwilioProperties.class)
public class SmsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

  @Bean
  SmsSender smsSender(TwilioProperties twilio, ObjectProvider<RestClient.Builder> restClients) {
    if (twilio.configured()) {
      return new TwilioSmsSender(restClients.getIfAvailable(RestClient::builder), twilio);
    }
    log.warn(
        "SMS disabled: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM"
            + " (dunning.sms.twilio.account-sid, auth-token, from) to send SMS");
    return new DisabledSmsSender();
  }
}
