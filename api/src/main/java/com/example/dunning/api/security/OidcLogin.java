package com.example.dunning.api.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/**
 * The identity provider as an OpenID Connect client registration, read from its discovery document
 * at start-up; only when {@code dunning.oidc.issuer-uri} is set and not blank, so that an empty
 * {@code DUNNING_OIDC_ISSUER_URI} leaves it off as an unset one does.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${dunning.oidc.issuer-uri:}'.isBlank()")
public class OidcLogin {

  /** The registration's id, in the paths that start and end a sign-in. */
  static final String REGISTRATION = "company";

  /** Where a browser goes to sign in with the identity provider. */
  static final String START = "/dashboard/oauth2/authorization";

  /** The dashboard's sign-in link. */
  public static final String SIGN_IN = START + "/" + REGISTRATION;

  /** Where the identity provider sends the browser back. */
  static final String CALLBACK = "/dashboard/login/oauth2/code/";

  @Bean
  ClientRegistrationRepository dashboardClientRegistrations(OidcProperties oidc) {
    ClientRegistration company =
        ClientRegistrations.fromOidcIssuerLocation(oidc.issuerUri())
            .registrationId(REGISTRATION)
            .clientId(oidc.clientId())
            .clientSecret(oidc.clientSecret())
            .scope(oidc.scopes())
            .redirectUri("{baseUrl}" + CALLBACK + "{registrationId}")
            .userNameAttributeName(oidc.nameClaim())
            .build();
    return new InMemoryClientRegistrationRepository(company);
  }
}
