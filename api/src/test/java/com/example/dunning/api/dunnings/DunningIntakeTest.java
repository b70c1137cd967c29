package com.example.dunning.api.dunnings;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningSearchAttributes;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.IntakeDetails;
import io.temporal.api.common.v1.Payloads;
import io.temporal.client.WorkflowClient;
import io.temporal.common.SearchAttributes;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/dunnings: the generic intake for providers without webhooks. */
class DunningIntakeTest extends RunningDunningsTest {

  @Autowired WorkflowClient client;

  @Test
  void givenAFailedPayment_whenReportedTwice_itShouldStartOneDunningAndAnswer201Then200() {
    String invoice = newInvoiceId("in");
    String dunningId = DunningIds.workflowId("elasticpath", invoice);

    HttpResponse<String> first = alice.post("/api/v1/dunnings", intake(invoice));
    String firstRun = client.newUntypedWorkflowStub(dunningId).describe().getExecution().getRunId();
    HttpResponse<String> second = alice.post("/api/v1/dunnings", intake(invoice));

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.headers().firstValue("Location")).hasValue("/api/v1/dunnings/" + dunningId);
    assertThat(json(first).get("dunningId").asString()).isEqualTo(dunningId);
    assertThat(json(first).get("state").asString()).isEqualTo("started");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(json(second).get("created").asBoolean()).isFalse();
    assertThat(json(second).get("state").asString()).isEqualTo("running");
    assertThat(client.newUntypedWorkflowStub(dunningId).describe().getExecution().getRunId())
        .isEqualTo(firstRun);
  }

  @Test
  void givenAFailedPayment_whenReported_itShouldStartTheDunningWithTheRequestAndAttributes() {
    String invoice = newInvoiceId("attr");
    String dunningId = DunningIds.workflowId("elasticpath", invoice);

    assertThat(alice.post("/api/v1/dunnings", intake(invoice)).statusCode()).isEqualTo(201);

    SearchAttributes attributes =
        client.newUntypedWorkflowStub(dunningId).describe().getTypedSearchAttributes();
    assertThat(attributes.get(DunningSearchAttributes.PROVIDER)).isEqualTo("elasticpath");
    assertThat(attributes.get(DunningSearchAttributes.INVOICE_ID)).isEqualTo(invoice);
    assertThat(attributes.get(DunningSearchAttributes.CUSTOMER_ID)).isEqualTo("cus_" + invoice);
    assertThat(attributes.get(DunningSearchAttributes.CUSTOMER_EMAIL)).isEqualTo("ada@example.com");
    assertThat(attributes.get(DunningSearchAttributes.AMOUNT_DUE)).isEqualTo(1999L);
    DunningRequest request = startRequest(dunningId);
    assertThat(request.provider()).isEqualTo("elasticpath");
    assertThat(request.currency()).isEqualTo("usd");
    assertThat(request.amountDue()).isEqualTo(1999);
    assertThat(request.attemptCount()).isEqualTo(1);
    assertThat(request.failedAt()).isNotNull();
  }

  @Test
  void givenAnEndedDunning_whenReportedAgain_itShouldStartNothingAndSayItEnded() {
    String invoice = open("again");
    assertThat(alice.post(path(invoice, "mark-paid")).statusCode()).isEqualTo(200);

    HttpResponse<String> again = alice.post("/api/v1/dunnings", intake(invoice));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).get("state").asString()).isEqualTo("ended");
  }

  @Test
  void givenABadPayload_whenReported_itShouldAnswer400ListingEveryProblem() {
    HttpResponse<String> response =
        alice.post(
            "/api/v1/dunnings",
            """
            {"provider":"Stripe!","invoiceId":"in 1","amount":0,"currency":"XXY",
             "contact":{"email":"not-an-address","phone":"12345"}}
            """);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode errors = json(response).get("errors");
    assertThat(errors.toString())
        .contains(
            "provider:", "customerId:", "amount:", "currency:", "contact.email:", "contact.phone:");
  }

  @Test
  void givenThePhoneAndTheBusinessKeys_whenReported_itShouldStartTheDunningWithThem() {
    String invoice = newInvoiceId("told");
    String dunningId = DunningIds.workflowId("elasticpath", invoice);
    String body =
        intake(invoice)
            .replace(
                "\"currency\":\"USD\",",
                """
                "currency":"USD","userId":42,"packageId":7,"packageName":"Artist Pro",
                 "artistName":"Kari Band","profileUrl":"https://example.com/kari",
                 "locale":"nb-NO","timeZone":"Europe/Oslo",""");

    assertThat(alice.post("/api/v1/dunnings", body).statusCode()).isEqualTo(201);

    IntakeDetails told = startRequest(dunningId).intake();
    assertThat(told.phone()).isEqualTo("+4712345678");
    assertThat(told.timeZone()).isEqualTo("Europe/Oslo");
    assertThat(told.locale()).isEqualTo("nb-NO");
    assertThat(told.packageName()).isEqualTo("Artist Pro");
    assertThat(told.metadata())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "user_id", "42",
                "package_id", "7",
                "artist_name", "Kari Band",
                "profile_url", "https://example.com/kari"));
  }

  @Test
  void givenBadBusinessKeys_whenReported_itShouldAnswer400NamingEachField() {
    String body =
        intake(newInvoiceId("badkeys"))
            .replace(
                "\"currency\":\"USD\",",
                """
                "currency":"USD","userId":0,"packageId":-3,"artistName":"%s",
                 "profileUrl":"javascript:alert(1)","locale":"not a tag","timeZone":"Mars/Base","""
                    .formatted("x".repeat(201)));

    HttpResponse<String> response = alice.post("/api/v1/dunnings", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("errors").valueStream().map(JsonNode::asString))
        .anySatisfy(error -> assertThat(error).startsWith("userId: ").contains("0"))
        .anySatisfy(error -> assertThat(error).startsWith("packageId: ").contains("-3"))
        .anySatisfy(error -> assertThat(error).startsWith("artistName: ").contains("200"))
        .anySatisfy(error -> assertThat(error).startsWith("profileUrl: ").contains("javascript"))
        .anySatisfy(error -> assertThat(error).startsWith("locale: ").contains("not a tag"))
        .anySatisfy(error -> assertThat(error).startsWith("timeZone: ").contains("Mars/Base"));
  }

  @Test
  void givenAnAmountBeyondTheBound_whenReported_itShouldAnswer400() {
    String body = intake(newInvoiceId("big")).replace("1999", "99999999999");

    HttpResponse<String> response = alice.post("/api/v1/dunnings", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("detail").asString()).contains("amount:");
  }

  @Test
  void givenNoBody_whenReported_itShouldAnswer400() {
    HttpResponse<String> response = alice.post("/api/v1/dunnings", "");

    assertThat(response.statusCode()).isEqualTo(400);
  }

  private DunningRequest startRequest(String dunningId) {
    Payloads input =
        client
            .fetchHistory(dunningId)
            .getEvents()
            .get(0)
            .getWorkflowExecutionStartedEventAttributes()
            .getInput();
    return client
        .getOptions()
        .getDataConverter()
        .fromPayloads(0, Optional.of(input), DunningRequest.class, DunningRequest.class);
  }
}
