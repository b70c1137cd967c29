package com.example.dunning.activities.notification;

import com.example.dunning.workflows.activities.FailureTypes;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.temporal.failure.ApplicationFailure;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;

/** Sends SMS with Twilio's Messages API. */
public class TwilioSmsSender implements SmsSender {

  /** Twilio's error body, e.g. {@code {"code": 21211, "message": "Invalid 'To' Phone Number"}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TwilioError(Integer code, String message) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record TwilioMessage(String sid) {}

  private final RestClient twilio;
  private final String accountSid;
  private final String from;
  private final Duration longestSend;

  public TwilioSmsSender(RestClient.Builder builder, TwilioProperties properties) {
    HttpClient httpClient =
        HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(httpClient);
    requests.setReadTimeout(properties.readTimeout());
    this.twilio =
        builder
            .baseUrl(properties.baseUrl())
            .requestFactory(requests)
            .defaultHeaders(
                headers -> headers.setBasicAuth(properties.accountSid(), properties.authToken()))
            .build();
    this.accountSid = properties.accountSid();
    this.from = properties.from();
    this.longestSend = properties.connectTimeout().plus(properties.readTimeout());
  }

  @Override
  public Duration longestSend() {
    return longestSend;
  }

  @Override
  public String send(String to, String text, String idempotencyKey) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("To", to);
    form.add("From", from);
    form.add("Body", text);
    return twilio
        .post()
        .uri("/2010-04-01/Accounts/{accountSid}/Messages.json", accountSid)
        .header("I-Twilio-Idempotency-Token", idempotencyKey)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body(form)
        .exchange(
            (request, response) -> {
              HttpStatusCode status = response.getStatusCode();
              if (status.is2xxSuccessful()) {
                TwilioMessage message = response.bodyTo(TwilioMessage.class);
                return message == null ? null : message.sid();
              }
              String problem = "Twilio answered " + status.value() + ": " + describe(response);
              if (status.value() == 429 || status.is5xxServerError()) {
                throw new SmsProviderUnavailable(problem);
              }
              throw ApplicationFailure.newNonRetryableFailure(problem, FailureTypes.SMS_REJECTED);
            });
  }

  private static String describe(ConvertibleClientHttpResponse response) {
    try {
      TwilioError error = response.bodyTo(TwilioError.class);
      if (error != null && error.message() != null) {
        return error.message() + (error.code() == null ? "" : " (error " + error.code() + ")");
      }
    } catch (RuntimeException unreadable) {
      // Not Twilio's JSON error body; the status says enough.
    }
    return "no error message";
  }
}
