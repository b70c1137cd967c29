package com.example.dunning.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call the API: every endpoint but the webhooks (which Stripe signs), health and the API's
 * own description needs {@code Authorization: Bearer <token>} (RFC 6750). Reading needs the {@code
 * read} scope; starting a dunning and acting on one (every POST under {@code /api/v1/dunnings}),
 * acting for a customer (every POST under {@code /api/v1/customers}), and redelivering an outbound
 * event, need {@code resolve}. No token or an unknown one: 401 with {@code WWW-Authenticate: Bearer
 * …}; a token without the scope: 403 with {@code error="insufficient_scope"}.
 */
@Configuration
class ApiSecurity {

  static final String DUNNINGS = "/api/v1/dunnings";

  @Bean
  ApiTokens apiTokens(ApiTokenProperties properties) {
    return new ApiTokens(properties);
  }

  /**
   * The webhooks get a chain of their own with nothing in it to do: Stripe signs every delivery and
   * the endpoint checks that signature, so no token, session, security context or response header
   * of the API's chain applies, and that chain's filters would cost CPU on every delivery.
   */
  @Bean
  @Order(1)
  SecurityFilterChain webhookFilterChain(HttpSecurity http) throws Exception {
    return http.securityMatcher("/webhooks/**")
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .sessionManagement(AbstractHttpConfigurer::disable)
        .securityContext(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        .servletApi(AbstractHttpConfigurer::disable)
        .exceptionHandling(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .build();
  }

  /**
   * No observation of each request's way through the security filters: every request is observed
   * already ({@code http.server.requests}); these added a timer per chain and request, on every
   * webhook delivery too. Authentication and authorization stay observed.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
  }

  @Bean
  SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens) throws Exception {
    BearerChallenge challenge = new BearerChallenge();
    return http.csrf(AbstractHttpConfigurer::disable) // no cookies, no sessions: nothing to forge
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/webhooks/**")
                    .permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/v3/api-docs", "/v3/api-docs/**")
                    .permitAll()
                    .requestMatchers("/swagger-ui.html", "/swagger-ui/**")
                    .permitAll()
                    // Spring's error page, where an error of a permitted request is rendered.
                    .requestMatchers("/error")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, DUNNINGS, DUNNINGS + "/**")
                    .hasAuthority(ApiScope.RESOLVE.authority())
                    .requestMatchers(HttpMethod.POST, "/api/v1/customers/**")
                    .hasAuthority(ApiScope.RESOLVE.authority())
                    .requestMatchers(HttpMethod.POST, "/api/v1/events/*/redeliver")
                    .hasAuthority(ApiScope.RESOLVE.authority())
                    .anyRequest()
                    .hasAuthority(ApiScope.READ.authority()))
        .oauth2ResourceServer(
            server ->
                server
                    .opaqueToken(opaque -> opaque.introspector(tokens))
                    .authenticationEntryPoint(challenge)
                    .accessDeniedHandler(challenge))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(challenge).accessDeniedHandler(challenge))
        .build();
  }
}
