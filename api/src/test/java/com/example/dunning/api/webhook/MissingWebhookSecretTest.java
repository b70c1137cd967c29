package com.example.dunning.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.api.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=dunning-api",
      "spring.temporal.test-server.enabled=true",
      "dunning.stripe.webhook-secret="
    })
class MissingWebhookSecretTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
  }

  @Value("${local.server.port}")
  int port;

  @Test
  void givenNoWebhookSecret_whenAnEventArrives_itShouldRefuseWith503() throws Exception {
    String body = StripeFixtures.write(StripeFixtures.event());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/stripe"))
            .header("Stripe-Signature", StripeSignatures.header(body, "whsec_any", 1))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("STRIPE_WEBHOOK_SECRET");
  }

  @Test
  void givenTheApi_whenAskedForHealth_itShouldAnswerUp() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"UP\"");
  }
}
