package com.example.dunning.dev;

import static com.example.dunning.dev.Patience.await;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.dunning.DunningIds;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole stack with Elastic Path and Twilio spoken by WireMock: a failure reported through the
 * generic intake, with a phone and the business's keys that Elastic Path does not report, texts
 * that phone and is listed by seed 000 under the intake's user id.
 */
class IntakeEndToEndTest {

  private static final String SUBSCRIPTION = "0f3c7a52-9d4e-4b8a-a1c2-5e6f7a8b9c0d";
  private static final String INVOICE = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
  private static final String PHONE = "+4712345678";
  private static final String ACCOUNT = "AC00000000000000000000000000000001";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final WireMockServer providers =
      new WireMockServer(wireMockConfig().dynamicPort());
  private static DevStack stack;
  private static DevPorts ports;

  @BeforeAll
  static void startTheStack() throws Exception {
    providers.start();
    providers.stubFor(
        post(urlPathEqualTo("/oauth/access_token"))
            .willReturn(
                json(
                    """
                    {"expires_in": 3600, "access_token": "ep-token", "token_type": "Bearer",
                     "identifier": "client_credentials"}""")));
    providers.stubFor(
        get(urlPathEqualTo(
                "/subscriptions/subscriptions/"
                    + SUBSCRIPTION
                    + "/invoices/"
                    + INVOICE
                    + "/payments"))
            .willReturn(json(failedPayments())));
    providers.stubFor(
        post(urlPathEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json"))
            .willReturn(json("{\"sid\": \"SM0001\", \"status\": \"queued\"}").withStatus(201)));
    ports = DevPorts.free();
    stack = new DevStack(ports, Map.of());
    stack.start(
        "--spring.profiles.active=e2e",
        "--dunning.elasticpath.base-url=" + providers.baseUrl(),
        "--dunning.elasticpath.client-id=ep-client",
        "--dunning.elasticpath.client-secret=ep-secret",
        "--dunning.sms.twilio.base-url=" + providers.baseUrl(),
        "--dunning.sms.twilio.account-sid=" + ACCOUNT,
        "--dunning.sms.twilio.auth-token=twilio-token",
        "--dunning.sms.twilio.from=+4790000000");
  }

  @AfterAll
  static void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
    providers.stop();
  }

  @Test
  void givenAnIntakeWithAPhoneAndAUserId_atElasticPath_itShouldTextThePhoneAndListTheUser()
      throws Exception {
    String invoiceId = SUBSCRIPTION + "_" + INVOICE;
    String dunningId = DunningIds.workflowId("elasticpath", invoiceId);

    HttpResponse<String> started =
        send(
            "/api/v1/dunnings",
            "application/json",
            "application/json",
            """
            {"provider": "elasticpath", "invoiceId": "%s", "customerId": "c-42",
             "amount": 1999, "currency": "USD",
             "contact": {"email": "kari@example.com", "phone": "%s"},
             "userId": 42, "packageId": 7, "packageName": "Artist Pro",
             "artistName": "Kari Band", "profileUrl": "https://example.com/kari"}"""
                .formatted(invoiceId, PHONE));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

    // Elastic Path names no phone: the first notice's SMS went to the intake's number, logged so.
    await()
        .untilAsserted(
            () ->
                providers.verify(
                    1,
                    postRequestedFor(
                            urlPathEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json"))
                        .withRequestBody(containing("To=%2B4712345678"))));
    JdbcTemplate database = new JdbcTemplate(stack.worker().getBean(DataSource.class));
    await()
        .until(
            () ->
                database.queryForList(
                    "SELECT sent_to FROM dunning_log WHERE dunning_id = ? AND title = 'SMS SENT'",
                    String.class,
                    dunningId),
            sentTo -> !sentTo.isEmpty());
    assertThat(
            database.queryForList(
                "SELECT sent_to FROM dunning_log WHERE dunning_id = ? AND title = 'SMS SENT'",
                String.class,
                dunningId))
        .first()
        .isEqualTo(PHONE);

    // Seed 000 finds it by the intake's user id, in JSON and in XML, with its package fields.
    HttpResponse<String> asJson =
        send(
            "/api/ActionService/GetInvoicePaymentFailed",
            "application/json",
            "application/json",
            "{\"UserId\": 42, \"StatusId\": 0}");
    assertThat(asJson.statusCode()).as(asJson.body()).isEqualTo(200);
    List<JsonNode> listed =
        JSON.readTree(asJson.body())
            .get("Message")
            .valueStream()
            .filter(row -> row.get("InvoiceId").asString().equals(invoiceId))
            .toList();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("UserId").asLong()).isEqualTo(42);
    assertThat(listed.get(0).get("PackageID").asLong()).isEqualTo(7);
    assertThat(listed.get(0).get("ArtistName").asString()).isEqualTo("Kari Band");
    assertThat(listed.get(0).get("ProfileUrl").asString()).isEqualTo("https://example.com/kari");
    assertThat(listed.get(0).get("PhoneNumber").asString()).isEqualTo(PHONE);

    HttpResponse<String> asXml =
        send(
            "/api/ActionService/GetInvoicePaymentFailed",
            "application/xml",
            "application/xml",
            "<PaymentIntentStatusRequest xmlns=\"http://schemas.datacontract.org/2004/07/"
                + "PartyMusic.BusinessObject.Messages.Payment\"><StatusId>0</StatusId>"
                + "<UserId>42</UserId></PaymentIntentStatusRequest>");
    assertThat(asXml.statusCode()).as(asXml.body()).isEqualTo(200);
    assertThat(asXml.body())
        .contains(
            "<d2p1:InvoiceId>" + invoiceId + "</d2p1:InvoiceId>",
            "<d2p1:UserId>42</d2p1:UserId>",
            "<d2p1:PackageID>7</d2p1:PackageID>",
            "<d2p1:ArtistName>Kari Band</d2p1:ArtistName>");
  }

  private static HttpResponse<String> send(
      String path, String contentType, String accept, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.api() + path))
            .header("Authorization", "Bearer " + stack.apiToken())
            .header("Content-Type", contentType)
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Elastic Path's list of the invoice's payments: one failed charge. */
  private static String failedPayments() {
    return """
        {"data": [{"id": "7c5b3b1e-4a2f-4c1e-9f3a-2d6f0b8e1a01",
          "type": "subscription_invoice_payment",
          "attributes": {"success": false, "gateway": "elastic_path_payments_stripe",
            "external_payment_id": "pi_3QfailedEP",
            "failure_detail": {"reason": "Your card has insufficient funds."},
            "amount": {"currency": "USD", "amount": 1999, "includes_tax": true}},
          "meta": {"owner": "store", "subscription_id": "%s", "invoice_id": "%s",
            "job_id": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
            "timestamps": {"updated_at": "2026-11-02T08:00:05.000Z",
              "created_at": "2026-11-02T08:00:00.000Z"},
            "manual_payment": false}}],
         "links": {}, "meta": {"results": {"total": 1}}}"""
        .formatted(SUBSCRIPTION, INVOICE);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
