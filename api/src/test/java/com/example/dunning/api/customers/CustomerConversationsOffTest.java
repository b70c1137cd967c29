package com.example.dunning.api.customers;

import static com.example.dunning.api.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.api.ApiTestContext;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer endpoints with {@code dunning.conversation.enabled} off, as shipped: the view reads
 * the records and says so; the actions are refused with 409 and start nothing.
 */
class CustomerConversationsOffTest extends ApiTestContext {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void givenConversationsOff_theViewShouldShowTheRecordsAndTheActionsBeRefused() {
    String invoice = "off-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> started =
        alice.post(
            "/api/v1/dunnings",
            """
            {"provider":"elasticpath","invoiceId":"%s","customerId":"cus_%s","amount":1999,
             "currency":"USD","contact":{"email":"ada@example.com"}}
            """
                .formatted(invoice, invoice));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String customer = "/api/v1/customers/elasticpath/cus_" + invoice;
    await()
        .untilAsserted(
            () ->
                assertThat(json(reporting.get(customer)).at("/open/0/invoiceId").asString())
                    .isEqualTo(invoice));

    HttpResponse<String> retry = alice.post(customer + "/retry", "Idempotency-Key", "req-off");
    JsonNode view = json(reporting.get(customer));

    assertThat(retry.statusCode()).isEqualTo(409);
    assertThat(json(retry).at("/title").asString()).isEqualTo("Customer conversations are off");
    assertThat(json(retry).at("/detail").asString()).contains("dunning.conversation.enabled=true");
    assertThat(view.at("/conversation").asString()).isEqualTo("OFF");
    assertThat(view.get("deferred")).isEmpty();
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
