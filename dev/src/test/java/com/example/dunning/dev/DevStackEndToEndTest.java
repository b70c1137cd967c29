package com.example.dunning.dev;

import static com.example.dunning.dev.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningSearchAttributes;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole stack as the run command starts it, on free ports: a signed webhook starts a dunning
 * that a separate Temporal client can see, its mail reaches the SMTP server, and the package
 * expires in PostgreSQL with its subscription cancelled once at the Stripe stand-in; a paid event
 * ends another one early; an operator pauses, resumes and marks one paid through the API with the
 * stack's token, and is refused without it. The expired dunning's signed events reach the stack's
 * receiver, each once, in order.
 */
class DevStackEndToEndTest {

  private static DevStack stack;
  private static DevPorts ports;
  private static WorkflowClient temporal;
  private static JdbcTemplate database;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @BeforeAll
  static void startTheStack() throws Exception {
    ports = DevPorts.free();
    stack = new DevStack(ports, Map.of());
    stack.start("--spring.profiles.active=e2e");
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + ports.temporal())
                .build());
    temporal =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace("default").build());
    database = new JdbcTemplate(stack.worker().getBean(DataSource.class));
  }

  @AfterAll
  static void stopTheStack() {
    if (temporal != null) {
      temporal.getWorkflowServiceStubs().shutdownNow();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void
      givenASignedFailureWebhook_whenNobodyPays_itShouldMailEveryNoticeExpireThePackageAndCancelTheSubscriptionOnce()
          throws Exception {
    String invoice = "in_e2e_expire";
    HttpResponse<String> response =
        post(SignedStripeEvents.invoiceEvent("invoice.payment_failed", invoice, 1));
    assertThat(response.statusCode()).isEqualTo(200);
    String workflowId = DunningIds.workflowId("stripe", invoice);

    DunningResult result =
        temporal
            .newUntypedWorkflowStub(workflowId)
            .getResult(Patience.WAIT.toSeconds(), TimeUnit.SECONDS, DunningResult.class);

    assertThat(result.outcome()).isEqualTo(DunningStatus.EXPIRED);
    assertThat(subjectsTo(invoice)).hasSize(5).first().asString().contains("did not go through");
    assertThat(subjectsTo(invoice).get(4)).startsWith("Expired");
    assertThat(
            database.queryForList(
                "SELECT subscription_id, subscription_cancelled FROM package_expiry"
                    + " WHERE dunning_id = ?",
                workflowId))
        .containsExactly(
            Map.of("subscription_id", "sub_" + invoice, "subscription_cancelled", true));
    assertThat(stack.stripe().cancelRequests("sub_" + invoice))
        .containsExactly(workflowId + ":cancel-subscription");
    assertThat(
            database.queryForObject(
                "SELECT status FROM failed_invoice WHERE dunning_id = ?", String.class, workflowId))
        .isEqualTo("EXPIRED");
    assertThat(
            database.queryForList(
                "SELECT title FROM dunning_log WHERE dunning_id = ? ORDER BY logged_at, id",
                String.class,
                workflowId))
        .contains("PAYMENT FAILED", "EMAIL SENT", "RETRY FAILED", "PACKAGE EXPIRED");
    assertThat(
            temporal
                .newUntypedWorkflowStub(workflowId)
                .describe()
                .getTypedSearchAttributes()
                .get(DunningSearchAttributes.STATUS))
        .isEqualTo("EXPIRED");
    // The business learns it from the signed events at the stack's receiver alone: cut access.
    List<JsonNode> events =
        await()
            .until(
                () -> eventsAtReceiver(workflowId),
                arrived -> arrived.stream().anyMatch(e -> type(e).equals("dunning.expired")));
    assertThat(events)
        .extracting(DevStackEndToEndTest::type)
        .startsWith("dunning.started", "dunning.notice_sent")
        .contains("dunning.charge_retried", "dunning.package_expired")
        .endsWith("dunning.expired");
    assertThat(events).extracting(e -> e.get("id").asString()).doesNotHaveDuplicates();
    assertThat(events)
        .extracting(e -> e.get("sequence").asInt())
        .isSorted()
        .doesNotHaveDuplicates()
        .startsWith(1);
    JsonNode expired =
        events.stream().filter(e -> type(e).equals("dunning.package_expired")).findFirst().get();
    assertThat(expired.get("customerId").asString()).isNotBlank();
    assertThat(expired.get("data").get("subscriptionId").asString()).isEqualTo("sub_" + invoice);
    assertThat(expired.get("data").get("subscriptionCancelled").asBoolean()).isTrue();
  }

  /** The signed events of one dunning at the stack's receiver, in arrival order. */
  private static List<JsonNode> eventsAtReceiver(String dunningId) {
    return stack.events().signed().stream()
        .map(arrival -> JSON.readTree(arrival.body()))
        .filter(event -> event.get("dunningId").asString().equals(dunningId))
        .toList();
  }

  private static String type(JsonNode event) {
    return event.get("type").asString();
  }

  @Test
  void givenARunningDunning_whenThePaidWebhookComes_itShouldEndRecoveredAndSendNothingMore()
      throws Exception {
    String invoice = "in_e2e_paid";
    post(SignedStripeEvents.invoiceEvent("invoice.payment_failed", invoice, 1));
    String workflowId = DunningIds.workflowId("stripe", invoice);
    await().until(() -> !subjectsTo(invoice).isEmpty());

    assertThat(post(SignedStripeEvents.invoiceEvent("invoice.paid", invoice, 2)).statusCode())
        .isEqualTo(200);
    DunningResult result =
        temporal
            .newUntypedWorkflowStub(workflowId)
            .getResult(Patience.WAIT.toSeconds(), TimeUnit.SECONDS, DunningResult.class);

    assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    List<String> sentBeforePayment = subjectsTo(invoice);
    assertThat(sentBeforePayment).noneMatch(subject -> subject.startsWith("Expired"));
    assertThat(
            database.queryForObject(
                "SELECT count(*) FROM package_expiry WHERE dunning_id = ?",
                Integer.class,
                workflowId))
        .isZero();
    assertThat(stack.stripe().cancelRequests("sub_" + invoice)).isEmpty();
    assertThat(
            database.queryForObject(
                "SELECT count(*) FROM payment_attempt WHERE dunning_id = ? AND success",
                Integer.class,
                workflowId))
        .isEqualTo(1);
    // The failure event delivered again after the end starts nothing new.
    assertThat(
            post(SignedStripeEvents.invoiceEvent("invoice.payment_failed", invoice, 1))
                .statusCode())
        .isEqualTo(200);
    WorkflowStub again = temporal.newUntypedWorkflowStub(workflowId);
    assertThat(again.describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    assertThat(typed(workflowId).state().status()).isEqualTo(DunningStatus.RECOVERED);
    assertThat(subjectsTo(invoice)).isEqualTo(sentBeforePayment);
  }

  @Test
  void givenASignedFailureWebhook_whenTheSeedApisAreAsked_theyShouldEachAnswerThatInvoice()
      throws Exception {
    String invoice = "in_e2e_seeds";
    post(SignedStripeEvents.invoiceEvent("invoice.payment_failed", invoice, 1));
    String workflowId = DunningIds.workflowId("stripe", invoice);
    String details = "/api/v1/connect/subscriptions/failed/details/" + workflowId;
    await().until(() -> get(details).statusCode() == 200);
    Long userId =
        database.queryForObject(
            "SELECT user_id FROM failed_invoice WHERE dunning_id = ?", Long.class, workflowId);

    assertThat(get(details).body()).contains("\"is_data\":true", "\"title\":\"PAYMENT FAILED\"");
    assertThat(get("/subscriptions/subscriptions/-/invoices/" + invoice + "/payments").body())
        .contains(
            "\"type\":\"subscription_invoice_payment\"", "\"invoice_id\":\"" + invoice + "\"");
    HttpRequest failedPayments =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + ports.api()
                        + "/api/ActionService/GetInvoicePaymentFailed"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/xml")
            .header("Authorization", "Bearer " + stack.apiToken())
            .POST(HttpRequest.BodyPublishers.ofString("UserId=" + userId + "&StatusId=0"))
            .build();
    assertThat(http.send(failedPayments, HttpResponse.BodyHandlers.ofString()).body())
        .contains("<d2p1:InvoiceId>" + invoice + "</d2p1:InvoiceId>");
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.api() + path))
            .header("Authorization", "Bearer " + stack.apiToken())
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void givenASignedFailureWebhook_whenAnOperatorPausesResumesAndMarksItPaid_itShouldEndRecovered()
      throws Exception {
    String invoice = "in_e2e_api";
    assertThat(
            post(SignedStripeEvents.invoiceEvent("invoice.payment_failed", invoice, 1))
                .statusCode())
        .isEqualTo(200);
    String dunning = "/api/v1/dunnings/" + DunningIds.workflowId("stripe", invoice);

    assertThat(api(dunning + "/pause", "{}", null).statusCode()).isEqualTo(401);
    HttpResponse<String> paused = api(dunning + "/pause", "{}", stack.apiToken());
    HttpResponse<String> resumed = api(dunning + "/resume", "", stack.apiToken());
    HttpResponse<String> paid =
        api(dunning + "/mark-paid", "{\"note\":\"bank transfer\"}", stack.apiToken());

    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
    assertThat(JSON.readTree(paused.body()).at("/live/status").asString()).isEqualTo("PAUSED");
    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
    assertThat(JSON.readTree(resumed.body()).at("/live/status").asString()).isEqualTo("ACTIVE");
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
    assertThat(JSON.readTree(paid.body()).at("/live/result/reason").asString())
        .isEqualTo("marked paid by dev: bank transfer");
    assertThat(JSON.readTree(paid.body()).at("/record/status").asString()).isEqualTo("RECOVERED");
  }

  /** POSTs to the API, with the Bearer token when there is one. */
  private static HttpResponse<String> api(String path, String json, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.api() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static DunningWorkflow typed(String workflowId) {
    return temporal.newWorkflowStub(DunningWorkflow.class, workflowId);
  }

  private static List<String> subjectsTo(String invoice) {
    return Arrays.stream(stack.mail().received())
        .filter(message -> body(message).contains(invoice))
        .map(DevStackEndToEndTest::subject)
        .toList();
  }

  private static HttpResponse<String> post(String payload)
      throws IOException, InterruptedException {
    HttpRequest request =
        StripeWebhookSignature.delivery(
                URI.create("http://127.0.0.1:" + ports.api() + "/webhooks/stripe"), payload)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String body(MimeMessage message) {
    return CaughtMail.text(message);
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
