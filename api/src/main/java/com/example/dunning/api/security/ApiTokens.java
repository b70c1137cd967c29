package com.example.dunning.api.security;

import com.example.dunning.api.security.ApiTokenProperties.ApiToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Checks a Bearer token against the configured hashes. The presented token is hashed and compared
 * with every configured hash in constant time, so neither the hashes nor the time taken tell an
 * attacker how close a guess was.
 */
public class ApiTokens implements OpaqueTokenIntrospector {

  private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

  private final List<Known> known = new ArrayList<>();

  private record Known(String name, byte[] sha256, List<GrantedAuthority> authorities) {}

  public ApiTokens(ApiTokenProperties properties) {
    for (ApiToken token : properties.tokens()) {
      known.add(read(token));
    }
    if (known.isEmpty()) {
      log.warn(
          "No API token configured (dunning.api.tokens): every /api request is refused with 401");
    }
  }

  /** The hex SHA-256 of a token, as {@code dunning.api.tokens[n].sha256} expects it. */
  public static String sha256Hex(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    byte[] presented = sha256(token);
    Known match = null;
    for (Known candidate : known) {
      // No early exit: every hash is compared, whichever matches.
      if (MessageDigest.isEqual(candidate.sha256(), presented)) {
        match = candidate;
      }
    }
    if (match == null) {
      throw new BadOpaqueTokenException("unknown token");
    }
    return new OAuth2IntrospectionAuthenticatedPrincipal(
        match.name(),
        Map.of("sub", match.name(), "scope", scopeNames(match.authorities())),
        match.authorities());
  }

  private static Known read(ApiToken token) {
    if (token.name() == null || token.name().isBlank()) {
      throw new IllegalArgumentException("an API token without a name");
    }
    String hex = token.sha256() == null ? "" : token.sha256().strip();
    if (!hex.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException(
          "API token '" + token.name() + "': sha256 must be 64 hex digits (SHA-256 of the token)");
    }
    Set<ApiScope> scopes = new LinkedHashSet<>();
    for (String scope : token.scopes() == null ? Set.<String>of() : token.scopes()) {
      scopes.add(ApiScope.of(scope));
    }
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException(
          "API token '" + token.name() + "' has no scope: give it read and/or resolve");
    }
    if (scopes.contains(ApiScope.RESOLVE)) {
      scopes.add(ApiScope.READ); // who may act on a dunning may also read it
    }
    List<GrantedAuthority> authorities =
        scopes.stream()
            .sorted()
            .<GrantedAuthority>map(scope -> new SimpleGrantedAuthority(scope.authority()))
            .toList();
    return new Known(token.name(), HexFormat.of().parseHex(hex.toLowerCase()), authorities);
  }

  private static String scopeNames(List<GrantedAuthority> authorities) {
    return String.join(
        " ",
        authorities.stream()
            .map(authority -> authority.getAuthority().substring("SCOPE_".length()))
            .toList());
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
