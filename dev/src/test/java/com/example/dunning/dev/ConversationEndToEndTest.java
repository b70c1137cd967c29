package com.example.dunning.dev;

import static com.example.dunning.dev.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import jakarta.mail.internet.MimeMessage;
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
 * The whole stack with {@code dunning.conversation.enabled}: two invoices of the Stripe stand-in's
 * one customer fail a moment apart, and the customer gets one first email listing both, sent by the
 * customer's coordinator and logged in each dunning's log; the dunnings end when paid.
 */
class ConversationEndToEndTest {

  private static DevStack stack;
  private static DevPorts ports;
  private static WorkflowClient temporal;
  private static JdbcTemplate database;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startTheStack() throws Exception {
    ports = DevPorts.free();
    stack = new DevStack(ports, Map.of());
    stack.start("--spring.profiles.active=conversation-e2e", "--dunning.conversation.enabled=true");
    temporal =
        WorkflowClient.newInstance(
            WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder()
                    .setTarget("127.0.0.1:" + ports.temporal())
                    .build()),
            WorkflowClientOptions.newBuilder().setNamespace("default").build());
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
  void givenTwoInvoicesOfOneCustomerFailingAMomentApart_itShouldSendOneFirstEmailListingBoth()
      throws Exception {
    String first = "in_conv_1";
    String second = "in_conv_2";
    assertThat(post(SignedStripeEvents.invoiceEvent("invoice.payment_failed", first, 1)))
        .isEqualTo(200);
    assertThat(post(SignedStripeEvents.invoiceEvent("invoice.payment_failed", second, 1)))
        .isEqualTo(200);

    // Each dunning's log says its notice went out in the one message.
    List<Map<String, Object>> sent =
        await()
            .until(
                () ->
                    database.queryForList(
                        "SELECT dunning_id, note FROM dunning_log WHERE title = 'EMAIL SENT'"
                            + " AND dunning_id IN (?, ?) ORDER BY dunning_id",
                        dunning(first),
                        dunning(second)),
                lines -> lines.size() == 2);
    assertThat(sent)
        .extracting(line -> (String) line.get("note"))
        .allSatisfy(
            note ->
                assertThat(note)
                    .startsWith("Payment failed notice, one message for 2 invoices")
                    .contains("dunning-customer-stripe-cus_demo:message:"));
    List<MimeMessage> mails = mailsNaming(first);
    assertThat(mails).hasSize(1);
    assertThat(CaughtMail.text(mails.get(0))).contains(second);
    assertThat(mailsNaming(second)).hasSize(1);
    assertThat(
            database.queryForObject(
                "SELECT count(*) FROM notification WHERE notice_key LIKE"
                    + " 'dunning-customer-stripe-cus_demo:message:%'",
                Integer.class))
        .isEqualTo(1);

    for (String invoice : List.of(first, second)) {
      assertThat(post(SignedStripeEvents.invoiceEvent("invoice.paid", invoice, 2))).isEqualTo(200);
      DunningResult result =
          temporal
              .newUntypedWorkflowStub(dunning(invoice))
              .getResult(Patience.WAIT.toSeconds(), TimeUnit.SECONDS, DunningResult.class);
      assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    }
  }

  private static String dunning(String invoice) {
    return DunningIds.workflowId("stripe", invoice);
  }

  /** The caught mails whose text names the invoice (its pay link carries its id). */
  private static List<MimeMessage> mailsNaming(String invoice) {
    return Arrays.stream(stack.mail().received())
        .filter(message -> CaughtMail.text(message).contains(invoice))
        .toList();
  }

  private static int post(String payload) throws Exception {
    HttpRequest request =
        StripeWebhookSignature.delivery(
                URI.create("http://127.0.0.1:" + ports.api() + "/webhooks/stripe"), payload)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
