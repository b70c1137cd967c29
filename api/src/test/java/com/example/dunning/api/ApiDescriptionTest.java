package com.example.dunning.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI description and its UI, served without a token. */
class ApiDescriptionTest extends ApiTestContext {

  @Test
  void givenNoToken_whenTheDescriptionIsAsked_itShouldListTheEndpointsAndTheBearerScheme() {
    HttpResponse<String> response = anonymous.get("/v3/api-docs");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode api = JsonMapper.builder().build().readTree(response.body());
    assertThat(api.at("/info/title").asString()).isEqualTo("Dunning API");
    assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
    assertThat(api.get("paths").propertyNames())
        .contains(
            "/api/v1/dunnings",
            "/api/v1/dunnings/stats",
            "/api/v1/dunnings/{id}",
            "/api/v1/dunnings/{id}/mark-paid",
            "/api/v1/dunnings/{id}/cancel",
            "/api/v1/dunnings/{id}/pause",
            "/api/v1/dunnings/{id}/resume",
            "/api/v1/dunnings/{id}/retry-now",
            "/api/v1/customers/{provider}/{id}",
            "/api/v1/customers/{provider}/{id}/retry",
            "/api/v1/customers/{provider}/{id}/payment-method-updated",
            "/api/v1/events",
            "/api/v1/events/{id}/redeliver");
    // Who acts comes from the token: the caller is no parameter of the action.
    JsonNode markPaid = api.at("/paths/~1api~1v1~1dunnings~1{id}~1mark-paid/post/parameters");
    assertThat(markPaid.size()).isEqualTo(1);
    assertThat(markPaid.at("/0/name").asString()).isEqualTo("id");
  }

  @Test
  void givenNoToken_whenTheUiIsAsked_itShouldServeIt() {
    HttpResponse<String> response = anonymous.get("/swagger-ui/index.html");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("swagger-ui");
  }
}
