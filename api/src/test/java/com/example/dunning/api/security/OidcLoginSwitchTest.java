package com.example.dunning.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** Sign-in with an identity provider is on only with an issuer: unset, empty or blank is off. */
class OidcLoginSwitchTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(OidcLogin.class);

  @Test
  void givenNoIssuer_itShouldStartWithoutAnIdentityProvider() {
    context.run(
        started -> {
          assertThat(started).hasNotFailed();
          assertThat(started).doesNotHaveBean(ClientRegistrationRepository.class);
        });
  }

  @Test
  void givenAnEmptyOrBlankIssuer_asAnEmptyEnvironmentVariableGivesIt_itShouldStayOff() {
    for (String issuer : new String[] {"", "  "}) {
      context
          .withPropertyValues("dunning.oidc.issuer-uri=" + issuer)
          .run(
              started -> {
                assertThat(started).hasNotFailed();
                assertThat(started).doesNotHaveBean(ClientRegistrationRepository.class);
              });
    }
  }
}
