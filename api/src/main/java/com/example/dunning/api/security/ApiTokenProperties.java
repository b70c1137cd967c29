package com.example.dunning.api.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tokens that may call the API, kept as SHA-256 hashes: the configuration never holds a token
 * itself. E.g. {@code dunning.api.tokens[0].name=ops}, {@code dunning.api.tokens[0].sha256=<hex of
 * SHA-256(token)>}, {@code dunning.api.tokens[0].scopes=read,resolve}.
 */
@ConfigurationProperties("dunning.api")
public record ApiTokenProperties(List<ApiToken> tokens) {

  public ApiTokenProperties {
    tokens = tokens == null ? List.of() : List.copyOf(tokens);
  }

  /**
   * @param name who holds the token: shown in logs and recorded as who acted
   * @param sha256 the SHA-256 of the token, 64 hex digits
   * @param scopes {@code read} and/or {@code resolve}; {@code resolve} also reads
   */
  public record ApiToken(String name, String sha256, Set<String> scopes) {}
}
