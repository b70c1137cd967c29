package com.example.dunning.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.api.ApiTestContext;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ApiSecurityTest extends ApiTestContext {

  private static final String ACTION = "/api/v1/dunnings/dunning-stripe-in_1/cancel";
  private static final String READ = "/actuator/prometheus";

  @Test
  void givenNoToken_whenReading_itShouldAnswer401WithABearerChallenge() {
    HttpResponse<String> response = anonymous.get(READ);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"dunning\"");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"status\":401");
  }

  @Test
  void givenAWrongToken_whenActing_itShouldAnswer401InvalidToken() {
    HttpResponse<String> response = anonymous.as("not-a-token").post(ACTION);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(
            challenge ->
                assertThat(challenge).startsWith("Bearer ").contains("error=\"invalid_token\""));
  }

  @Test
  void givenTheHashInsteadOfTheToken_whenReading_itShouldAnswer401() {
    String hash = ApiTokens.sha256Hex(TestTokens.READER);

    assertThat(anonymous.as(hash).get(READ).statusCode()).isEqualTo(401);
  }

  @Test
  void givenAReadOnlyToken_whenActing_itShouldAnswer403InsufficientScope() {
    HttpResponse<String> response = anonymous.as(TestTokens.READER).post(ACTION, "{}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(
            challenge ->
                assertThat(challenge)
                    .startsWith("Bearer ")
                    .contains("error=\"insufficient_scope\""));
  }

  @Test
  void givenAReadOnlyToken_whenStartingADunning_itShouldAnswer403() {
    assertThat(anonymous.as(TestTokens.READER).post("/api/v1/dunnings", "{}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void givenAReadToken_whenReading_itShouldPass() {
    assertThat(anonymous.as(TestTokens.READER).get(READ).statusCode()).isEqualTo(200);
  }

  @Test
  void givenAResolveToken_whenReading_itShouldPassToo() {
    assertThat(anonymous.as(TestTokens.RESOLVER).get(READ).statusCode()).isEqualTo(200);
  }

  @Test
  void givenTheSeedPaths_whenCalledWithoutAToken_itShouldAnswer401() {
    assertThat(anonymous.post("/api/ActionService/GetInvoicePaymentFailed", "{}").statusCode())
        .isEqualTo(401);
    assertThat(anonymous.get("/subscriptions/subscriptions/s/invoices/i/payments").statusCode())
        .isEqualTo(401);
    assertThat(anonymous.get("/api/v1/connect/subscriptions/failed/details/x").statusCode())
        .isEqualTo(401);
    assertThat(anonymous.get("/api/v1/reconciliations").statusCode()).isEqualTo(401);
  }

  @Test
  void givenNoToken_whenAskingForHealth_itShouldAnswer() {
    assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
  }
}
