package com.example.dunning.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may use the dashboard ({@code /dashboard}): the API's tokens, with the same scopes ({@code
 * read} to see, {@code resolve} to act). A browser sends no {@code Authorization} header, so the
 * login form takes a token once ({@link TokenLogin}) and the HTTP session keeps who it names and
 * the scopes, never the token; its forms then carry a CSRF token. A call with {@code Authorization:
 * Bearer} works too, without a session or CSRF token, and is refused as the API refuses (401/403
 * with {@code WWW-Authenticate}). An address that fails to sign in too often is refused for a while
 * ({@link SignInLimit}). With an identity provider configured ({@link OidcLogin}), people may sign
 * in with it instead, their scopes mapped from a claim ({@link OidcScopes}); tokens still work.
 * Ahead of the API's chain, which serves everything else.
 */
@Configuration
class DashboardSecurity {

  static final String LOGIN = "/dashboard/login";
  static final String FORBIDDEN = "/dashboard/forbidden";

  /** No script runs on these pages, and styles and images come only from the service. */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none';"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  @Bean
  @Order(1)
  SecurityFilterChain dashboardFilterChain(
      HttpSecurity http,
      ApiTokens tokens,
      SignInLimitProperties signInLimit,
      OidcProperties oidc,
      ObjectProvider<ClientRegistrationRepository> identityProvider)
      throws Exception {
    BearerChallenge challenge = new BearerChallenge();
    SignInLimit limit =
        new SignInLimit(
            new SignInAttempts(signInLimit, Clock.systemUTC()), LOGIN, LOGIN + "?error");
    RequestMatcher bearer = DashboardSecurity::hasBearerToken;
    AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint(LOGIN);
    AccessDeniedHandlerImpl forbiddenPage = new AccessDeniedHandlerImpl();
    forbiddenPage.setErrorPage(FORBIDDEN);
    AuthenticationEntryPoint entryPoint =
        (request, response, refused) ->
            (bearer.matches(request) ? challenge : login).commence(request, response, refused);
    AccessDeniedHandler denied =
        (request, response, refused) ->
            (bearer.matches(request) ? challenge : forbiddenPage)
                .handle(request, response, refused);
    http.securityMatcher("/dashboard", "/dashboard/**", "/webjars/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/webjars/**", "/dashboard/assets/**")
                    .permitAll()
                    .requestMatchers(LOGIN, FORBIDDEN)
                    .permitAll()
                    // Every action on a dunning: pause, resume, retry-now, mark-paid, cancel.
                    .requestMatchers(HttpMethod.POST, "/dashboard/dunnings/*/*")
                    .hasAuthority(ApiScope.RESOLVE.authority())
                    .requestMatchers(HttpMethod.POST, "/dashboard/customers/*/*/*")
                    .hasAuthority(ApiScope.RESOLVE.authority())
                    .anyRequest()
                    .hasAuthority(ApiScope.READ.authority()))
        .authenticationProvider(new TokenLogin(tokens))
        .formLogin(
            form ->
                form.loginPage(LOGIN)
                    .passwordParameter("token")
                    .defaultSuccessUrl("/dashboard", false)
                    .failureHandler(limit))
        .addFilterBefore(limit, UsernamePasswordAuthenticationFilter.class)
        .logout(logout -> logout.logoutUrl("/dashboard/logout").logoutSuccessUrl(LOGIN + "?out"))
        .oauth2ResourceServer(
            server ->
                server
                    .opaqueToken(opaque -> opaque.introspector(tokens))
                    .authenticationEntryPoint(challenge)
                    .accessDeniedHandler(challenge))
        // A Bearer header is no ambient credential: a forged cross-site form cannot send one.
        .csrf(csrf -> csrf.ignoringRequestMatchers(bearer))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
    ClientRegistrationRepository company = identityProvider.getIfAvailable();
    if (company != null) {
      http.oauth2Login(
          provider ->
              provider
                  .loginPage(LOGIN)
                  .clientRegistrationRepository(company)
                  // Kept in the session (PostgreSQL), as every API instance must see it.
                  .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                  .authorizationEndpoint(start -> start.baseUri(OidcLogin.START))
                  .redirectionEndpoint(back -> back.baseUri(OidcLogin.CALLBACK + "*"))
                  .userInfoEndpoint(user -> user.oidcUserService(new OidcScopes(oidc)))
                  .defaultSuccessUrl("/dashboard", false)
                  .failureUrl(LOGIN + "?refused"));
    }
    return http.build();
  }

  private static boolean hasBearerToken(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
  }
}
