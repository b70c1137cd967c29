package com.example.dunning.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The probes a load balancer asks, without a token (docs/production.md). */
class HealthProbesTest extends ApiTestContext {

  @Test
  void givenAStartedApi_whenTheLoadBalancerAsksReadinessAndLiveness_theyShouldAnswerUp() {
    HttpResponse<String> readiness = anonymous.get("/actuator/health/readiness");
    HttpResponse<String> liveness = anonymous.get("/actuator/health/liveness");

    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"status\":\"UP\"");
    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body()).contains("\"status\":\"UP\"");
  }
}
