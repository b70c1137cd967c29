package com.example.dunning.api.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;

/**
 * The dashboard's login: the form's {@code token} field is an API token, checked by {@link
 * ApiTokens} exactly as a Bearer header is. What the session keeps is the token's name and scopes;
 * the token itself is dropped.
 */
final class TokenLogin implements AuthenticationProvider {

  private final ApiTokens tokens;

  TokenLogin(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Authentication authenticate(Authentication login) {
    Object token = login.getCredentials();
    if (token == null || token.toString().isBlank()) {
      throw new BadCredentialsException("no token");
    }
    try {
      OAuth2AuthenticatedPrincipal holder = tokens.introspect(token.toString().strip());
      return UsernamePasswordAuthenticationToken.authenticated(
          holder.getName(), null, holder.getAuthorities());
    } catch (BadOpaqueTokenException unknown) {
      throw new BadCredentialsException("unknown token", unknown);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
