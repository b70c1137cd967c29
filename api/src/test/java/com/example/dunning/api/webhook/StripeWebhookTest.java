package com.example.dunning.api.webhook;

import static com.example.dunning.api.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.api.TestDatabase;
import com.example.dunning.api.testworkflow.RecordingDunningWorkflow;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningSearchAttributes;
import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.LogEntry;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.common.SearchAttributes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=dunning-api",
      "spring.temporal.test-server.enabled=true",
      "spring.temporal.workers-auto-discovery.packages=com.example.dunning.api.testworkflow",
      "dunning.stripe.webhook-secret=" + StripeWebhookTest.SECRET
    })
class StripeWebhookTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
  }

  static final String SECRET = "whsec_test_dunning";
  private static final String CUSTOMER = "cus_QXg1o8vcGmoR32";

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired WorkflowClient client;

  @Test
  void givenAFailedInvoice_whenStripeReportsIt_itShouldStartOneDunningWithTheInvoice()
      throws Exception {
    String invoiceId = newInvoiceId();
    long created = now();
    ObjectNode invoice = invoice(invoiceId, 1);
    invoice.put("customer_email", "ann@example.com");
    invoice.put("next_payment_attempt", created + 86_400);

    HttpResponse<String> response = post(event("invoice.payment_failed", invoice, created));

    String workflowId = DunningIds.workflowId("stripe", invoiceId);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"workflowId\":\"" + workflowId + "\"", "\"result\":\"delivered\"");
    WorkflowExecutionDescription run = client.newUntypedWorkflowStub(workflowId).describe();
    assertThat(run.getWorkflowType()).isEqualTo(DunningWorkflow.TYPE);
    assertThat(run.getTaskQueue()).isEqualTo(DunningIds.TASK_QUEUE);
    assertThat(run.getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    // The static summary is sent, but Temporal's test server (1.38) drops it on SignalWithStart:
    // StripeInvoiceTest covers its text.
    SearchAttributes attributes = run.getTypedSearchAttributes();
    assertThat(attributes.get(DunningSearchAttributes.STATUS)).isEqualTo("ACTIVE");
    assertThat(attributes.get(DunningSearchAttributes.PROVIDER)).isEqualTo("stripe");
    assertThat(attributes.get(DunningSearchAttributes.INVOICE_ID)).isEqualTo(invoiceId);
    assertThat(attributes.get(DunningSearchAttributes.CUSTOMER_ID)).isEqualTo(CUSTOMER);
    assertThat(attributes.get(DunningSearchAttributes.CUSTOMER_EMAIL)).isEqualTo("ann@example.com");
    assertThat(attributes.get(DunningSearchAttributes.AMOUNT_DUE)).isEqualTo(1000L);
    assertThat(startRequest(workflowId))
        .isEqualTo(
            new DunningRequest(
                "stripe",
                invoiceId,
                CUSTOMER,
                "ann@example.com",
                1000,
                "usd",
                1,
                Instant.ofEpochSecond(created)));
    await()
        .untilAsserted(
            () ->
                assertThat(state(workflowId).log())
                    .extracting(LogEntry::title, LogEntry::note, LogEntry::at)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            RecordingDunningWorkflow.PAYMENT_FAILED,
                            "attempt 1, next " + Instant.ofEpochSecond(created + 86_400),
                            Instant.ofEpochSecond(created))));
  }

  @Test
  void
      givenTheSameFailureDeliveredThreeTimes_whenStripeRetries_itShouldKeepOneRunThatSawTheAttempt()
          throws Exception {
    String invoiceId = newInvoiceId();
    String workflowId = DunningIds.workflowId("stripe", invoiceId);
    String body = event("invoice.payment_failed", invoice(invoiceId, 2), now());

    String firstRun = null;
    for (int delivery = 1; delivery <= 3; delivery++) {
      assertThat(post(body).statusCode()).isEqualTo(200);
      String runId = client.newUntypedWorkflowStub(workflowId).describe().getExecution().getRunId();
      firstRun = firstRun == null ? runId : firstRun;
      assertThat(runId).isEqualTo(firstRun);
    }
    await()
        .untilAsserted(
            () -> {
              DunningState state = state(workflowId);
              assertThat(state.attemptCount()).isEqualTo(2);
              assertThat(state.log())
                  .hasSize(3)
                  .allSatisfy(entry -> assertThat(entry.note()).startsWith("attempt 2,"));
            });
  }

  @Test
  void
      givenAnInvoicePaidAfterAFailedCharge_whenThePaidEventComesFirst_itShouldRecoverAndStartNothingForTheLateFailure()
          throws Exception {
    String invoiceId = newInvoiceId();
    String workflowId = DunningIds.workflowId("stripe", invoiceId);

    HttpResponse<String> paid = post(event("invoice.paid", invoice(invoiceId, 2), now()));

    assertThat(paid.statusCode()).isEqualTo(200);
    DunningResult result = client.newUntypedWorkflowStub(workflowId).getResult(DunningResult.class);
    assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    assertThat(result.reason()).isEqualTo("paid at Stripe");
    String recoveredRun =
        client.newUntypedWorkflowStub(workflowId).describe().getExecution().getRunId();

    HttpResponse<String> lateFailure =
        post(event("invoice.payment_failed", invoice(invoiceId, 2), now()));

    assertThat(lateFailure.statusCode()).isEqualTo(200);
    assertThat(lateFailure.body()).contains("\"result\":\"closed\"");
    WorkflowExecutionDescription run = client.newUntypedWorkflowStub(workflowId).describe();
    assertThat(run.getExecution().getRunId()).isEqualTo(recoveredRun);
    assertThat(run.getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
  }

  @Test
  void givenAnInvoicePaidAtTheFirstAttempt_whenNoDunningRuns_itShouldStartNothing()
      throws Exception {
    String invoiceId = newInvoiceId();

    HttpResponse<String> response =
        post(event("invoice.payment_succeeded", invoice(invoiceId, 1), now()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"result\":\"not-running\"");
    assertNoDunning(invoiceId);
  }

  @Test
  void givenARunningDunning_whenStripeVoidsTheInvoice_itShouldCancelIt() throws Exception {
    String invoiceId = newInvoiceId();
    String workflowId = DunningIds.workflowId("stripe", invoiceId);
    assertThat(post(event("invoice.payment_failed", invoice(invoiceId, 1), now())).statusCode())
        .isEqualTo(200);

    HttpResponse<String> voided = post(event("invoice.voided", invoice(invoiceId, 1), now()));

    assertThat(voided.statusCode()).isEqualTo(200);
    assertThat(voided.body()).contains("\"signal\":\"cancel\"", "\"result\":\"delivered\"");
    DunningResult result = client.newUntypedWorkflowStub(workflowId).getResult(DunningResult.class);
    assertThat(result.outcome()).isEqualTo(DunningStatus.CANCELLED);
    assertThat(result.reason()).isEqualTo("invoice voided at Stripe");
  }

  @Test
  void
      givenARunningDunning_whenTheSubscriptionIsDeleted_itShouldCancelTheDunningOfItsLatestInvoice()
          throws Exception {
    String invoiceId = newInvoiceId();
    String workflowId = DunningIds.workflowId("stripe", invoiceId);
    assertThat(post(event("invoice.payment_failed", invoice(invoiceId, 1), now())).statusCode())
        .isEqualTo(200);

    HttpResponse<String> deleted =
        post(
            StripeFixtures.write(
                StripeFixtures.event(
                    "customer.subscription.deleted",
                    StripeFixtures.subscription(invoiceId),
                    now())));

    assertThat(deleted.statusCode()).isEqualTo(200);
    DunningResult result = client.newUntypedWorkflowStub(workflowId).getResult(DunningResult.class);
    assertThat(result.outcome()).isEqualTo(DunningStatus.CANCELLED);
    assertThat(result.reason()).isEqualTo("subscription deleted at Stripe");
  }

  @Test
  void
      givenAnInvoiceNeedingAuthentication_whenStripeReportsIt_itShouldStartTheDunningWithTheConfirmationLink()
          throws Exception {
    String invoiceId = newInvoiceId();
    String workflowId = DunningIds.workflowId("stripe", invoiceId);
    ObjectNode invoice = invoice(invoiceId, 1);
    invoice.put("hosted_invoice_url", "https://invoice.stripe.com/i/" + invoiceId);

    HttpResponse<String> response = post(event("invoice.payment_action_required", invoice, now()));

    assertThat(response.statusCode()).isEqualTo(200);
    await()
        .untilAsserted(
            () ->
                assertThat(state(workflowId).log())
                    .extracting(LogEntry::title, LogEntry::note)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            RecordingDunningWorkflow.AUTHENTICATION_REQUIRED,
                            "attempt 1, https://invoice.stripe.com/i/" + invoiceId)));
  }

  @Test
  void givenAnEventTypeDunningDoesNotUse_whenStripeSendsIt_itShouldAnswer200Ignored()
      throws Exception {
    HttpResponse<String> response = post(StripeFixtures.write(StripeFixtures.event()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"received\":true,\"ignored\":\"plan.created\"}");
  }

  @Test
  void givenABadSignature_whenAFailureArrives_itShouldAnswer400AndStartNothing() throws Exception {
    String invoiceId = newInvoiceId();
    String body = event("invoice.payment_failed", invoice(invoiceId, 1), now());

    HttpResponse<String> response =
        post(body, StripeSignatures.header(body, "whsec_someone_else", now()));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("{\"error\":\"invalid signature");
    assertNoDunning(invoiceId);
  }

  @Test
  void givenNoSignatureHeader_whenAFailureArrives_itShouldAnswer400AndStartNothing()
      throws Exception {
    String invoiceId = newInvoiceId();

    HttpResponse<String> response =
        post(event("invoice.payment_failed", invoice(invoiceId, 1), now()), null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"missing Stripe-Signature header\"}");
    assertNoDunning(invoiceId);
  }

  @Test
  void givenASignatureOlderThanFiveMinutes_whenAFailureArrives_itShouldAnswer400AndStartNothing()
      throws Exception {
    String invoiceId = newInvoiceId();
    String body = event("invoice.payment_failed", invoice(invoiceId, 1), now());

    HttpResponse<String> response = post(body, StripeSignatures.header(body, SECRET, now() - 301));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("invalid signature");
    assertNoDunning(invoiceId);
  }

  @Test
  void givenASignatureDatedTenMinutesAhead_whenAFailureArrives_itShouldAnswer400()
      throws Exception {
    String invoiceId = newInvoiceId();
    String body = event("invoice.payment_failed", invoice(invoiceId, 1), now());

    HttpResponse<String> response = post(body, StripeSignatures.header(body, SECRET, now() + 600));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("invalid signature", "tolerance", "future");
    assertNoDunning(invoiceId);
  }

  @Test
  void givenASignatureDatedAMinuteAhead_whenAFailureArrives_itShouldStartTheDunning()
      throws Exception {
    String invoiceId = newInvoiceId();
    String body = event("invoice.payment_failed", invoice(invoiceId, 1), now());

    HttpResponse<String> response = post(body, StripeSignatures.header(body, SECRET, now() + 60));

    assertThat(response.statusCode()).isEqualTo(200);
    assertRunningDunning(invoiceId);
  }

  @Test
  void givenMalformedJsonWithAValidSignature_whenItArrives_itShouldAnswer400() throws Exception {
    HttpResponse<String> response = post("{\"type\": \"invoice.payment_failed\", \"data\": {");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"error\":\"malformed JSON\"}");
  }

  @Test
  void givenABodyOver256KiB_whenItArrives_itShouldAnswer413AndStartNothing() throws Exception {
    String invoiceId = newInvoiceId();
    ObjectNode invoice = invoice(invoiceId, 1);
    invoice.put("description", "x".repeat(StripeWebhookServlet.MAX_BODY_BYTES));

    HttpResponse<String> response = post(event("invoice.payment_failed", invoice, now()));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"error\"");
    assertNoDunning(invoiceId);
  }

  @Test
  void givenABodySentInChunks_whenItArrives_itShouldBeReadAsOneWithoutAContentLength()
      throws Exception {
    String invoiceId = newInvoiceId();
    String body = event("invoice.payment_failed", invoice(invoiceId, 1), now());

    HttpResponse<String> response = postChunked(body, StripeSignatures.header(body, SECRET, now()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertRunningDunning(invoiceId);
  }

  @Test
  void givenABodyOver256KiBSentInChunks_whenItArrives_itShouldAnswer413AndStartNothing()
      throws Exception {
    String invoiceId = newInvoiceId();
    ObjectNode invoice = invoice(invoiceId, 1);
    invoice.put("description", "x".repeat(StripeWebhookServlet.MAX_BODY_BYTES));
    String body = event("invoice.payment_failed", invoice, now());

    HttpResponse<String> response = postChunked(body, StripeSignatures.header(body, SECRET, now()));

    assertThat(response.statusCode()).isEqualTo(413);
    assertNoDunning(invoiceId);
  }

  /** One dunning runs for the invoice, searchable by its status, provider and invoice. */
  private void assertRunningDunning(String invoiceId) {
    WorkflowExecutionDescription run =
        client.newUntypedWorkflowStub(DunningIds.workflowId("stripe", invoiceId)).describe();
    assertThat(run.getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    SearchAttributes attributes = run.getTypedSearchAttributes();
    assertThat(attributes.get(DunningSearchAttributes.STATUS)).isEqualTo("ACTIVE");
    assertThat(attributes.get(DunningSearchAttributes.PROVIDER)).isEqualTo("stripe");
    assertThat(attributes.get(DunningSearchAttributes.INVOICE_ID)).isEqualTo(invoiceId);
    assertThat(attributes.get(DunningSearchAttributes.CUSTOMER_ID)).isEqualTo(CUSTOMER);
  }

  private void assertNoDunning(String invoiceId) {
    assertThatThrownBy(
            () ->
                client
                    .newUntypedWorkflowStub(DunningIds.workflowId("stripe", invoiceId))
                    .describe())
        .isInstanceOf(WorkflowNotFoundException.class);
  }

  private DunningState state(String workflowId) {
    return client.newWorkflowStub(DunningWorkflow.class, workflowId).state();
  }

  private DunningRequest startRequest(String workflowId) {
    Payloads input =
        client
            .fetchHistory(workflowId)
            .getEvents()
            .get(0)
            .getWorkflowExecutionStartedEventAttributes()
            .getInput();
    return client
        .getOptions()
        .getDataConverter()
        .fromPayloads(0, Optional.of(input), DunningRequest.class, DunningRequest.class);
  }

  private static String newInvoiceId() {
    return "in_test" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  private static ObjectNode invoice(String id, int attemptCount) {
    ObjectNode invoice = StripeFixtures.invoice(id);
    invoice.put("attempt_count", attemptCount);
    return invoice;
  }

  private static String event(String type, ObjectNode invoice, long created) {
    return StripeFixtures.write(StripeFixtures.event(type, invoice, created));
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return post(body, StripeSignatures.header(body, SECRET, now()));
  }

  /** Without a Content-Length: the JDK's client sends a body of unknown length in chunks. */
  private HttpResponse<String> postChunked(String body, String signature)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/stripe"))
            .version(HttpClient.Version.HTTP_1_1)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Stripe-Signature", signature)
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String body, String signature)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/stripe"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
