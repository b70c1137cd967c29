package com.example.dunning.activities.payment;

import com.example.dunning.activities.payment.ProviderHttp.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Elastic Path's client-credentials access token, asked for once and kept until shortly before it
 * expires, so that many dunnings share one token. A small cache of our own: Spring Security's
 * OAuth2 client would bring a security stack into a worker that has no other use for it, for one
 * form POST.
 */
final class ElasticPathTokens {

  static final String TOKEN_PATH = "/oauth/access_token";

  /** Renewed this long before Elastic Path says it expires, so no call carries a dying token. */
  static final Duration EARLY = Duration.ofSeconds(60);

  private final ProviderHttp http;
  private final ElasticPathProperties properties;
  private final CredentialAlarm alarm;
  private final Clock clock;

  private String token;
  private Instant renewAt = Instant.MIN;

  ElasticPathTokens(
      ProviderHttp http, ElasticPathProperties properties, CredentialAlarm alarm, Clock clock) {
    this.http = http;
    this.properties = properties;
    this.alarm = alarm;
    this.clock = clock;
  }

  synchronized String token() {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      fetch();
    }
    return token;
  }

  /** Forgets a token Elastic Path no longer accepts (revoked, or expired early). */
  synchronized void forget(String refused) {
    if (refused.equals(token)) {
      token = null;
    }
  }

  private void fetch() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("grant_type", "client_credentials");
    form.add("client_id", properties.clientId());
    form.add("client_secret", properties.clientSecret());
    Instant askedAt = clock.instant();
    Answer answer =
        http.post(
            TOKEN_PATH,
            headers -> headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED),
            form);
    // RFC 6749: invalid_client is 401; invalid_grant or a bad request for this grant is 400.
    if (answer.status() == 400 || answer.status() == 401 || answer.status() == 403) {
      alarm.refused(answer.status(), answer.excerpt());
      throw ProviderFailures.authentication(
          ElasticPathPaymentProvider.NAME, answer.status(), answer.excerpt());
    }
    if (!answer.isSuccess()) {
      throw http.failure(answer, "an access token");
    }
    AnswerFields fields = AnswerFields.parse(ElasticPathPaymentProvider.NAME, answer.body());
    String accessToken = fields.text("access_token");
    long expiresIn = fields.wholeNumber("expires_in");
    if (expiresIn <= 0) {
      throw fields.invalid("expires_in", "not positive: " + expiresIn);
    }
    Duration lifetime = Duration.ofSeconds(expiresIn);
    Duration early = lifetime.compareTo(EARLY.multipliedBy(2)) < 0 ? lifetime.dividedBy(2) : EARLY;
    token = accessToken;
    renewAt = askedAt.plus(lifetime).minus(early);
  }
}
