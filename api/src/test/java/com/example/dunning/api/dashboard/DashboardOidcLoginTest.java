package com.example.dunning.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.api.ApiTestContext;
import com.example.dunning.api.security.TestTokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Signing in to the dashboard with an OpenID Connect provider (mock-oauth2-server, a real one over
 * HTTP): the authorization-code flow followed redirect by redirect as a browser would, with the
 * user's {@code groups} claim mapped to the API's scopes.
 */
@TestPropertySource(
    properties = {
      "dunning.oidc.client-id=" + DashboardOidcLoginTest.CLIENT_ID,
      "dunning.oidc.client-secret=not-a-secret",
      "dunning.oidc.provider-name=Example SSO",
      "dunning.oidc.scope-claim=groups",
      "dunning.oidc.read-values=dunning-readers",
      "dunning.oidc.resolve-values=dunning-resolvers,billing-admins"
    })
class DashboardOidcLoginTest extends ApiTestContext {

  static final String CLIENT_ID = "dunning-dashboard";
  private static final String ISSUER = "company";

  private static final MockOAuth2Server IDP = new MockOAuth2Server();

  @DynamicPropertySource
  static void identityProvider(DynamicPropertyRegistry registry) {
    IDP.start();
    registry.add("dunning.oidc.issuer-uri", () -> IDP.issuerUrl(ISSUER).toString());
  }

  @AfterAll
  static void stopIdentityProvider() {
    IDP.shutdown();
  }

  @Test
  void givenAUserInTheResolveGroup_whenSignedInWithTheProvider_itShouldReadAndAct() {
    String invoice = IntakeDunnings.open(alice, "oidc");
    DashboardBrowser browser = signInWithProvider("grace", List.of("staff", "billing-admins"));

    String overview = browser.get(port, "/dashboard");
    String page = browser.get(port, "/dashboard/dunnings/" + invoice);
    HttpResponse<String> paused =
        browser.post(port, "/dashboard/dunnings/" + invoice + "/pause", page, Map.of("until", ""));

    assertThat(overview).contains("Signed in as <strong>grace</strong>", "(may read and act)");
    assertThat(paused.statusCode()).isEqualTo(302);
    assertThat(browser.get(port, "/dashboard/dunnings/" + invoice)).contains("id=\"paused\"");
  }

  @Test
  void givenAUserInTheReadGroupOnly_whenSignedIn_itShouldReadButNotAct() {
    String invoice = IntakeDunnings.open(alice, "oidc-read");
    DashboardBrowser browser = signInWithProvider("ada", List.of("dunning-readers"));

    String page = browser.get(port, "/dashboard/dunnings/" + invoice);
    HttpResponse<String> refused =
        browser.post(port, "/dashboard/dunnings/" + invoice + "/pause", page, Map.of("until", ""));

    assertThat(browser.get(port, "/dashboard"))
        .contains("Signed in as <strong>ada</strong>", "(may read only)");
    assertThat(page).doesNotContain("id=\"pause\"");
    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  void givenAUserWithoutTheClaim_whenSignedIn_itShouldBeRefusedEvenReading() {
    DashboardBrowser browser = signInWithProvider("mallory", null);

    assertThat(browser.fetch(port, "/dashboard").statusCode()).isEqualTo(403);
  }

  @Test
  void givenTheProviderIsConfigured_theLoginFormShouldOfferItAndStillTakeTokens() {
    DashboardBrowser browser = new DashboardBrowser();

    String login = browser.get(port, "/dashboard/login");
    HttpResponse<String> signedIn = browser.signIn(port, TestTokens.READER);

    assertThat(login).contains("href=\"/dashboard/oauth2/authorization/company\"", "Example SSO");
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/dashboard");
    assertThat(browser.get(port, "/dashboard")).contains("Signed in as <strong>reporting</strong>");
  }

  /**
   * Starts at the dashboard's sign-in link and follows every redirect, through the provider (which
   * signs the user in at once and issues the next token with these claims) and back.
   */
  private DashboardBrowser signInWithProvider(String subject, List<String> groups) {
    IDP.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            ISSUER,
            subject,
            "JWT",
            List.of(CLIENT_ID),
            groups == null ? Map.of() : Map.of("groups", groups),
            3600));
    DashboardBrowser browser = new DashboardBrowser();
    HttpResponse<String> response = browser.fetch(port, "/dashboard/oauth2/authorization/company");
    for (int hop = 0; hop < 5 && response.statusCode() == 302; hop++) {
      String location = response.headers().firstValue("Location").orElseThrow();
      if (location.endsWith("/dashboard")) {
        return browser;
      }
      response = browser.fetch(port, location);
    }
    throw new AssertionError(
        "the sign-in did not come back to /dashboard: "
            + response.statusCode()
            + " "
            + response.body());
  }
}
