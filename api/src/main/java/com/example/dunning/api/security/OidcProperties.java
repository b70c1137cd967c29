package com.example.dunning.api.security;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in to the dashboard with the company's identity provider (OpenID Connect), off unless {@code
 * issuer-uri} is set: e.g. {@code DUNNING_OIDC_ISSUER_URI}, {@code DUNNING_OIDC_CLIENT_ID}, {@code
 * DUNNING_OIDC_CLIENT_SECRET}. A user's scopes come from one claim of their ID token or user info
 * ({@code scope-claim}, e.g. {@code groups}): a value in {@code resolve-values} gives {@code
 * resolve} (and {@code read}), one in {@code read-values} gives {@code read}, none gives nothing.
 *
 * @param scopes the OAuth scopes asked for; add the one that makes the provider send the claim
 * @param providerName shown on the sign-in button
 * @param nameClaim the claim that names the user on the pages and in the dunning log
 */
@ConfigurationProperties("dunning.oidc")
public record OidcProperties(
    String issuerUri,
    String clientId,
    String clientSecret,
    @DefaultValue({"openid", "profile", "email"}) Set<String> scopes,
    @DefaultValue("single sign-on") String providerName,
    @DefaultValue("groups") String scopeClaim,
    Set<String> readValues,
    Set<String> resolveValues,
    @DefaultValue("sub") String nameClaim) {

  public OidcProperties {
    readValues = readValues == null ? Set.of() : Set.copyOf(readValues);
    resolveValues = resolveValues == null ? Set.of() : Set.copyOf(resolveValues);
  }
}
