package com.example.dunning.api.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Gives a user signed in with the identity provider the API's scopes that their claim maps to
 * ({@link OidcProperties}), and no other authority: without a mapped value they may not even read.
 */
final class OidcScopes implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService provider = new OidcUserService();
  private final OidcProperties oidc;

  OidcScopes(OidcProperties oidc) {
    this.oidc = oidc;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = provider.loadUser(request);
    Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    for (String value : values(user.getClaims().get(oidc.scopeClaim()))) {
      if (oidc.resolveValues().contains(value)) {
        scopes.add(ApiScope.RESOLVE);
        scopes.add(ApiScope.READ); // who may act on a dunning may also read it
      } else if (oidc.readValues().contains(value)) {
        scopes.add(ApiScope.READ);
      }
    }
    List<GrantedAuthority> authorities =
        scopes.stream()
            .<GrantedAuthority>map(scope -> new SimpleGrantedAuthority(scope.authority()))
            .toList();
    return new DefaultOidcUser(
        authorities, user.getIdToken(), user.getUserInfo(), oidc.nameClaim());
  }

  /** A claim is a list of values, or one string of values apart by spaces or commas. */
  private static List<String> values(Object claim) {
    if (claim instanceof Collection<?> many) {
      return many.stream().map(String::valueOf).toList();
    }
    if (claim instanceof String text) {
      return Stream.of(text.split("[\\s,]+")).filter(value -> !value.isEmpty()).toList();
    }
    return List.of();
  }
}
