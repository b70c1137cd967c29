package com.example.dunning.activities.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Twilio account that sends SMS ({@code dunning.sms.twilio.*}). Without an account SID, auth
 * token and sender number, SMS are not sent.
 *
 * @param from the sender: a Twilio phone number in E.164, or a messaging service's sender id
 */
@ConfigurationProperties("dunning.sms.twilio")
public record TwilioProperties(
    @DefaultValue("https://api.twilio.com") String baseUrl,
    String accountSid,
    String authToken,
    String from,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("20s") Duration readTimeout) {

  boolean configured() {
    return !isBlank(accountSid) && !isBlank(authToken) && !isBlank(from);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
