package com.example.dunning.api.customers;

import static com.example.dunning.api.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.api.ApiCaller;
import com.example.dunning.api.TestDatabase;
import com.example.dunning.api.security.TestTokens;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API with {@code dunning.conversation.enabled=true} over real HTTP, the real dunning and
 * coordinator on Temporal's test server and their records in PostgreSQL ({@link CustomerDunnings}).
 * The test classes that extend it share one application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=dunning-api",
      "spring.temporal.test-server.enabled=true",
      "dunning.conversation.enabled=true",
      CustomerDunnings.WORKER_1,
      CustomerDunnings.WORKER_2,
      CustomerDunnings.WORKER_3,
      CustomerDunnings.WORKER_4
    })
@TestPropertySource(TestTokens.PROPERTIES)
@Import(CustomerDunnings.class)
public abstract class CustomerTestContext {

  protected static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
  }

  @Value("${local.server.port}")
  protected int port;

  /** Holds a resolve token named alice. */
  protected ApiCaller alice;

  /** Holds a read token named reporting. */
  protected ApiCaller reporting;

  @BeforeEach
  void callers() {
    alice = new ApiCaller(port, TestTokens.RESOLVER);
    reporting = new ApiCaller(port, TestTokens.READER);
  }

  /** A customer no other test uses: {@code c<8 hex>}, billed as {@code cus_c<8 hex>}. */
  protected static String newCustomer() {
    return "c" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Opens the dunning of invoice {@code <customer>-<n>} through the intake and waits until its
   * first step has run.
   */
  protected String open(String customer, int n) {
    String invoice = customer + "-" + n;
    HttpResponse<String> started =
        alice.post(
            "/api/v1/dunnings",
            """
            {"provider":"elasticpath","invoiceId":"%s","customerId":"cus_%s","amount":1999,
             "currency":"USD","contact":{"email":"ada@example.com"}}
            """
                .formatted(invoice, customer));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    await()
        .untilAsserted(
            () -> {
              JsonNode body = json(alice.get("/api/v1/dunnings/" + invoice));
              assertThat(body.at("/record/status").asString()).isEqualTo("ACTIVE");
              assertThat(body.at("/live/nextStep").asString()).isEqualTo("retry");
            });
    return invoice;
  }

  /** Marks the invoice paid and waits until its record has ended. */
  protected void pay(String invoice) {
    assertThat(alice.post("/api/v1/dunnings/" + invoice + "/mark-paid").statusCode())
        .isEqualTo(200);
    await()
        .untilAsserted(
            () ->
                assertThat(
                        json(alice.get("/api/v1/dunnings/" + invoice))
                            .at("/record/endedAt")
                            .isNull())
                    .isFalse());
  }

  protected static String customerPath(String customer, String action) {
    return "/api/v1/customers/elasticpath/cus_" + customer + (action.isEmpty() ? "" : "/" + action);
  }

  protected static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
