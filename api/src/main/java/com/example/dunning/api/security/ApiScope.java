package com.example.dunning.api.security;

import java.util.Locale;

/** What a token may do: read dunnings, or also act on them and start them. */
public enum ApiScope {
  READ,
  RESOLVE;

  /** The authority Spring Security checks, after the OAuth 2 convention: {@code SCOPE_read}. */
  public String authority() {
    return "SCOPE_" + name().toLowerCase(Locale.ROOT);
  }

  static ApiScope of(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown API scope '" + name + "': use read or resolve", e);
    }
  }
}
