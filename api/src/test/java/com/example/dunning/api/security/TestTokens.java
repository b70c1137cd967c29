package com.example.dunning.api.security;

/**
 * The tokens the API tests hold; test-tokens.properties configures their hashes. Use with
 * {@code @TestPropertySource("classpath:test-tokens.properties")}.
 */
public final class TestTokens {

  public static final String PROPERTIES = "classpath:test-tokens.properties";

  /** Scope read, named {@code reporting}. */
  public static final String READER = "reader-token-7f3a";

  /** Scope resolve (and so read), named {@code alice}. */
  public static final String RESOLVER = "resolver-token-91c2";

  private TestTokens() {}
}
