package com.example.dunning.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.api.security.ApiTokenProperties.ApiToken;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;

class ApiTokensTest {

  @Test
  void givenAResolveToken_whenPresented_itShouldGrantReadAndResolveUnderItsName() {
    ApiTokens tokens =
        tokens(new ApiToken("alice", ApiTokens.sha256Hex("s3cret"), Set.of("resolve")));

    OAuth2AuthenticatedPrincipal principal = tokens.introspect("s3cret");

    assertThat(principal.getName()).isEqualTo("alice");
    assertThat(principal.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly("SCOPE_read", "SCOPE_resolve");
  }

  @Test
  void givenAnUppercaseHash_whenTheTokenIsPresented_itShouldMatch() {
    ApiTokens tokens =
        tokens(new ApiToken("ci", ApiTokens.sha256Hex("t").toUpperCase(), Set.of("read")));

    assertThat(tokens.introspect("t").getName()).isEqualTo("ci");
  }

  @Test
  void givenAnUnknownToken_whenPresented_itShouldBeRefused() {
    ApiTokens tokens = tokens(new ApiToken("ci", ApiTokens.sha256Hex("t"), Set.of("read")));

    assertThatThrownBy(() -> tokens.introspect("u")).isInstanceOf(BadOpaqueTokenException.class);
  }

  @Test
  void givenAHashThatIsNotSha256_whenConfigured_itShouldRefuseToStart() {
    assertThatThrownBy(() -> tokens(new ApiToken("ci", "plain-token", Set.of("read"))))
        .hasMessageContaining("64 hex digits");
  }

  @Test
  void givenAnUnknownScope_whenConfigured_itShouldRefuseToStart() {
    assertThatThrownBy(() -> tokens(new ApiToken("ci", ApiTokens.sha256Hex("t"), Set.of("admin"))))
        .hasMessageContaining("unknown API scope 'admin'");
  }

  private static ApiTokens tokens(ApiToken... tokens) {
    return new ApiTokens(new ApiTokenProperties(List.of(tokens)));
  }
}
