package com.example.dunning.api.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A path Spring Security's firewall refuses ({@code %2e%2e}, {@code ;}, {@code //} and the like,
 * which no id holds) is answered 400 with a problem that says so. Its own handler sent a bare 400
 * that Spring's error page rendered without a word of why.
 */
@Component
class RejectedPaths implements RequestRejectedHandler {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException refused)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "Rejected path");
    problem.put("status", HttpStatus.BAD_REQUEST.value());
    problem.put(
        "detail",
        "the path holds an encoded dot, slash or backslash, a '..' segment or another character"
            + " no id or endpoint here uses: "
            + refused.getMessage());
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }
}
