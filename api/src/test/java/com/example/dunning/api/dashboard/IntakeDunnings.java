package com.example.dunning.api.dashboard;

import static com.example.dunning.api.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.api.ApiCaller;
import java.net.http.HttpResponse;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Running dunnings for the dashboard's tests, started through the API's intake. */
final class IntakeDunnings {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private IntakeDunnings() {}

  /**
   * Starts an Elastic Path dunning (customer {@code cus_<invoice>}) and waits until its first step
   * has run; returns its invoice id.
   */
  static String open(ApiCaller resolver, String prefix) {
    String invoice = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> started =
        resolver.post(
            "/api/v1/dunnings",
            """
            {"provider":"elasticpath","invoiceId":"%s","customerId":"cus_%s","amount":1999,
             "currency":"USD","contact":{"email":"ada@example.com"}}
            """
                .formatted(invoice, invoice));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    await()
        .untilAsserted(
            () -> {
              JsonNode body = JSON.readTree(resolver.get("/api/v1/dunnings/" + invoice).body());
              assertThat(body.at("/record/status").asString()).isEqualTo("ACTIVE");
              assertThat(body.at("/live/nextStep").asString()).isEqualTo("retry");
            });
    return invoice;
  }
}
