package com.example.dunning.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers of RFC 6750 (section 3) when a call is refused, with an RFC 9457 problem body: 401
 * {@code WWW-Authenticate: Bearer realm="dunning"} without a token, with {@code
 * error="invalid_token"} for an unknown one, and 403 {@code error="insufficient_scope"} for a token
 * that may not do this. Spring Security's own entry point would also point clients at an OAuth
 * protected-resource metadata document, which this API does not serve.
 */
final class BearerChallenge implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String REALM = "dunning";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
      throws IOException {
    if (refused instanceof OAuth2AuthenticationException) {
      write(
          response,
          HttpStatus.UNAUTHORIZED,
          "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"",
          "The Bearer token is not one this API knows.");
    } else {
      write(
          response,
          HttpStatus.UNAUTHORIZED,
          "Bearer realm=\"" + REALM + "\"",
          "Send Authorization: Bearer <token>.");
    }
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    write(
        response,
        HttpStatus.FORBIDDEN,
        "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\", scope=\"resolve\"",
        "This token may read but not act: starting or resolving a dunning needs the resolve"
            + " scope.");
  }

  private static void write(
      HttpServletResponse response, HttpStatus status, String challenge, String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    response.setStatus(status.value());
    response.setHeader("WWW-Authenticate", challenge);
    response.setContentType("application/problem+json");
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }
}
