package com.example.dunning.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in from an address that failed too often ({@link SignInAttempts}) with 429 Too
 * Many Requests and {@code Retry-After} in seconds, before the token is even looked at, and counts
 * each failed sign-in. The client address is the request's remote address, which Tomcat takes from
 * {@code X-Forwarded-For} when a load balancer on a private network sends it.
 */
final class SignInLimit extends OncePerRequestFilter implements AuthenticationFailureHandler {

  private final SignInAttempts attempts;
  private final String loginPath;
  private final AuthenticationFailureHandler failurePage;

  SignInLimit(SignInAttempts attempts, String loginPath, String failureUrl) {
    this.attempts = attempts;
    this.loginPath = loginPath;
    this.failurePage = new SimpleUrlAuthenticationFailureHandler(failureUrl);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !(HttpMethod.POST.matches(request.getMethod())
        && loginPath.equals(request.getServletPath()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Duration> wait = attempts.waitFor(request.getRemoteAddr());
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000); // rounded up
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType("text/plain;charset=UTF-8");
    response
        .getOutputStream()
        .write(
            ("Too many failed sign-ins from this address: try again in " + seconds + " seconds.")
                .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
      throws IOException, ServletException {
    attempts.failed(request.getRemoteAddr());
    failurePage.onAuthenticationFailure(request, response, refused);
  }
}
