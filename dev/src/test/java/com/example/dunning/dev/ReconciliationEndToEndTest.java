package com.example.dunning.dev;

import static com.example.dunning.dev.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.reconciliation.ReconciliationWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
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

/**
 * The reconciliation on the running dev stack, sweeping every 2 s: an invoice that failed at the
 * Stripe stand-in with no webhook gets its dunning, and a dunning whose invoice is paid there ends
 * RECOVERED at the next sweep (its next step is an hour away) with nothing sent after.
 */
class ReconciliationEndToEndTest {

  private static DevStack stack;
  private static DevPorts ports;
  private static WorkflowClient temporal;
  private static JdbcTemplate database;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startTheStack() throws Exception {
    ports = DevPorts.free();
    stack = new DevStack(ports, Map.of());
    stack.start("--spring.profiles.active=reconcile-e2e");
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
  void givenAnInvoiceThatFailedWithNoWebhook_whenTheSweepRuns_itShouldOpenItsDunning()
      throws Exception {
    String invoice = "in_e2e_no_webhook";
    String workflowId = DunningIds.workflowId("stripe", invoice);
    assertThat(post(stripe("/dev/invoices/" + invoice + "/failed")).statusCode()).isEqualTo(200);

    await().until(() -> exists(workflowId));
    await().until(() -> !subjectsTo(invoice).isEmpty());

    assertThat(subjectsTo(invoice)).first().asString().contains("did not go through");
    // The sweep writes its counts when it has finished, which may come after the dunning's mail.
    await()
        .untilAsserted(
            () ->
                assertThat(
                        database.queryForObject(
                            "SELECT sum(dunnings_started) FROM reconciliation", Integer.class))
                    .isGreaterThanOrEqualTo(1));
    HttpResponse<String> sweeps = get(api("/api/v1/reconciliations"));
    assertThat(sweeps.statusCode()).isEqualTo(200);
    assertThat(sweeps.body()).contains("\"dunningsStarted\":1");
    assertThat(
            temporal
                .newUntypedWorkflowStub(ReconciliationWorkflow.WORKFLOW_ID)
                .describe()
                .getStatus()
                .name())
        .endsWith("RUNNING");
  }

  @Test
  void givenAWaitingDunning_whenItsInvoiceIsPaidAtStripe_itShouldEndRecoveredAtTheNextSweep()
      throws Exception {
    String invoice = "in_e2e_paid_elsewhere";
    String workflowId = DunningIds.workflowId("stripe", invoice);
    String event = SignedStripeEvents.invoiceEvent("invoice.payment_failed", invoice, 1);
    assertThat(webhook(event).statusCode()).isEqualTo(200);
    await().until(() -> !subjectsTo(invoice).isEmpty());
    List<String> sentBeforePayment = subjectsTo(invoice);

    assertThat(post(stripe("/dev/invoices/" + invoice + "/paid")).statusCode()).isEqualTo(200);
    DunningResult result =
        temporal
            .newUntypedWorkflowStub(workflowId)
            .getResult(Patience.WAIT.toSeconds(), TimeUnit.SECONDS, DunningResult.class);

    assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    assertThat(result.reason()).isEqualTo("invoice paid at the provider");
    assertThat(
            database.queryForObject(
                "SELECT status FROM failed_invoice WHERE dunning_id = ?", String.class, workflowId))
        .isEqualTo("RECOVERED");
    assertThat(
            database.queryForObject(
                "SELECT sum(dunnings_ended) FROM reconciliation", Integer.class))
        .isGreaterThanOrEqualTo(1);
    assertThat(subjectsTo(invoice)).isEqualTo(sentBeforePayment);
  }

  private static boolean exists(String workflowId) {
    try {
      temporal.newUntypedWorkflowStub(workflowId).describe();
      return true;
    } catch (WorkflowNotFoundException none) {
      return false;
    }
  }

  private static List<String> subjectsTo(String invoice) {
    return Arrays.stream(stack.mail().received())
        .filter(message -> CaughtMail.text(message).contains(invoice))
        .map(
            message -> {
              try {
                return message.getSubject();
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static URI stripe(String path) {
    return URI.create("http://127.0.0.1:" + ports.stripe() + path);
  }

  private static URI api(String path) {
    return URI.create("http://127.0.0.1:" + ports.api() + path);
  }

  private static HttpResponse<String> post(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** GETs from the API with the dev stack's token. */
  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + stack.apiToken())
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> webhook(String payload)
      throws IOException, InterruptedException {
    return http.send(
        StripeWebhookSignature.delivery(api("/webhooks/stripe"), payload).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
