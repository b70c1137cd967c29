package com.example.dunning.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.api.ApiTestContext;
import com.example.dunning.api.dashboard.DashboardBrowser;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Failed dashboard sign-ins are limited per client address, which the tests set as a load balancer
 * does ({@code X-Forwarded-For}), each test from addresses of its own.
 */
class SignInLimitTest extends ApiTestContext {

  @Autowired private SignInLimitProperties limit;

  @Test
  void givenAsManyFailuresAsAllowed_whenTheAddressTriesAgain_itShouldAnswer429WithRetryAfter() {
    DashboardBrowser browser = from(newAddress());
    failAsOftenAsAllowed(browser);

    HttpResponse<String> refused = browser.signIn(port, TestTokens.RESOLVER);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isPositive()
        .isLessThanOrEqualTo(limit.failureWindow().toSeconds());
    assertThat(refused.body()).contains("try again in");
    assertThat(browser.fetch(port, "/dashboard").statusCode()).isEqualTo(302);
  }

  @Test
  void givenALimitedAddress_whenAnotherAddressSignsIn_itShouldBeLetIn() {
    failAsOftenAsAllowed(from(newAddress()));
    DashboardBrowser other = from(newAddress());

    HttpResponse<String> signedIn = other.signIn(port, TestTokens.RESOLVER);

    assertThat(location(signedIn)).endsWith("/dashboard");
    assertThat(other.fetch(port, "/dashboard").statusCode()).isEqualTo(200);
  }

  @Test
  void givenFailuresShortOfTheLimit_whenTheRightTokenComes_itShouldSignIn() {
    DashboardBrowser browser = from(newAddress());
    for (int i = 1; i < limit.maxFailures(); i++) {
      assertThat(location(browser.signIn(port, "wrong-" + i))).endsWith("/dashboard/login?error");
    }

    HttpResponse<String> signedIn = browser.signIn(port, TestTokens.RESOLVER);

    assertThat(location(signedIn)).endsWith("/dashboard");
    assertThat(browser.fetch(port, "/dashboard").statusCode()).isEqualTo(200);
  }

  private void failAsOftenAsAllowed(DashboardBrowser browser) {
    for (int i = 0; i < limit.maxFailures(); i++) {
      assertThat(location(browser.signIn(port, "wrong-" + i))).endsWith("/dashboard/login?error");
    }
  }

  private static DashboardBrowser from(String address) {
    return new DashboardBrowser().withHeader("X-Forwarded-For", address);
  }

  /** An address of IPv6's documentation prefix, new for each call. */
  private static String newAddress() {
    String random = UUID.randomUUID().toString().replace("-", "");
    return "2001:db8:" + random.substring(0, 4) + ":" + random.substring(4, 8) + "::1";
  }

  private static String location(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    return response.headers().firstValue("Location").orElseThrow();
  }
}
