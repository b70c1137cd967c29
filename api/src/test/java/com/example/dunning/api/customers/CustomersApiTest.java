package com.example.dunning.api.customers;

import static com.example.dunning.api.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.DunningFixtures;
import com.example.dunning.activities.TestPostgres;
import com.example.dunning.workflows.client.ConversationStart;
import com.example.dunning.workflows.conversation.Channel;
import com.example.dunning.workflows.conversation.ConversationIds;
import com.example.dunning.workflows.conversation.NoticeRequest;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.policy.NoticeKind;
import com.example.dunning.workflows.testing.SignalsReceived;
import io.temporal.client.WorkflowClient;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/customers/{provider}/{id}} with conversations on: one customer's two open dunnings
 * and an ended one, retried for the customer once per request however often it is delivered, and
 * the customer's view of all three with what they were sent and what the coordinator defers.
 */
class CustomersApiTest extends CustomerTestContext {

  private static final String KEY = "Idempotency-Key";

  @Autowired private WorkflowClient temporal;

  private final JdbcTemplate database = new JdbcTemplate(TestPostgres.dataSource());

  @Test
  void givenTwoOpenDunningsAndAnEndedOne_whenRetriedTwiceWithOneKey_eachOpenOneIsChargedOnce() {
    String customer = newCustomer();
    String first = open(customer, 1);
    String second = open(customer, 2);
    String ended = open(customer, 3);
    pay(ended);

    HttpResponse<String> retried = alice.post(customerPath(customer, "retry"), KEY, "req-1");

    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    JsonNode answer = json(retried);
    assertThat(answer.at("/actionKey").asString())
        .isEqualTo("dunning-customer-elasticpath-cus_" + customer + ":action:req-1");
    assertThat(invoicesIn(answer)).containsExactlyInAnyOrder(first, second);
    await()
        .untilAsserted(
            () -> {
              assertThat(CustomerDunnings.charges(first)).isEqualTo(1);
              assertThat(CustomerDunnings.charges(second)).isEqualTo(1);
            });

    // The same request again, also after the coordinator's run is gone (it ended, or was lost):
    // the claims in PostgreSQL are all that remembers it.
    HttpResponse<String> again = alice.post(customerPath(customer, "retry"), KEY, "req-1");
    temporal
        .newUntypedWorkflowStub(ConversationIds.workflowId("elasticpath", "cus_" + customer))
        .terminate("test: a run that no longer knows the action");
    HttpResponse<String> afterTheRun = alice.post(customerPath(customer, "retry"), KEY, "req-1");

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(afterTheRun.statusCode()).as(afterTheRun.body()).isEqualTo(200);
    assertThat(invoicesIn(json(afterTheRun))).containsExactlyInAnyOrder(first, second);
    assertThat(retrySignals(first)).isEqualTo(1);
    assertThat(retrySignals(second)).isEqualTo(1);
    assertThat(retrySignals(ended)).isZero();
    assertThat(CustomerDunnings.charges(ended)).isZero();

    // A new request is a new action: each open dunning is retried once more. Its signal is also
    // the barrier: once it is in a history, every signal sent before it is too (a signal that
    // comes during a workflow task is written after the task).
    assertThat(alice.post(customerPath(customer, "retry"), KEY, "req-2").statusCode())
        .isEqualTo(200);
    await()
        .untilAsserted(
            () -> {
              assertThat(retrySignals(first)).isGreaterThanOrEqualTo(2);
              assertThat(retrySignals(second)).isGreaterThanOrEqualTo(2);
            });
    assertThat(retrySignals(first)).isEqualTo(2);
    assertThat(retrySignals(second)).isEqualTo(2);
    await().untilAsserted(() -> assertThat(CustomerDunnings.charges(first)).isEqualTo(2));
  }

  @Test
  void givenOpenAndEndedDunnings_whenTheCustomerIsRead_itShouldShowThemTheirNoticesAndDeferrals() {
    String customer = newCustomer();
    String first = open(customer, 1);
    String second = open(customer, 2);
    String ended = open(customer, 3);
    pay(ended);
    sent(first, "notice", "Your payment failed");
    sent(ended, "notice", "Your payment failed");
    String coordinatorCustomer = "cus_" + customer;
    reserveEmail(coordinatorCustomer, first);
    reserveEmail(coordinatorCustomer, second);

    HttpResponse<String> read = reporting.get(customerPath(customer, ""));

    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    JsonNode view = json(read);
    assertThat(view.at("/conversation").asString()).isEqualTo("RUNNING");
    assertThat(invoices(view.get("open"))).containsExactlyInAnyOrder(first, second);
    assertThat(invoices(view.get("ended"))).containsExactly(ended);
    assertThat(view.at("/ended/0/status").asString()).isEqualTo("RECOVERED");
    assertThat(view.at("/open/0/packageName").asString()).isEqualTo("Pro Package");
    assertThat(view.at("/open/0/amountDue").asLong()).isEqualTo(1999);
    List<String> noticeKeys = new ArrayList<>();
    view.get("sent").forEach(notice -> noticeKeys.add(notice.get("noticeKey").asString()));
    assertThat(noticeKeys)
        .containsExactlyInAnyOrder(
            dunningId(first) + ":notice:email", dunningId(ended) + ":notice:email");
    assertThat(view.get("deferred")).hasSize(1);
    assertThat(view.at("/deferred/0/dunningId").asString()).isEqualTo(dunningId(second));
    assertThat(view.at("/deferred/0/deferredBy").asString()).isEqualTo("1 EMAIL per 1 day");
  }

  @Test
  void givenTwoNoticesHandedToTheCoordinator_whenTheCustomerIsRead_itShouldShowOneMessageForBoth() {
    String customer = newCustomer();
    String first = open(customer, 1);
    String second = open(customer, 2);
    String coordinatorCustomer = "cus_" + customer;
    handOverEmail(coordinatorCustomer, first, NoticeKind.NOTICE);
    handOverEmail(coordinatorCustomer, second, NoticeKind.FINAL_WARNING);

    JsonNode view = json(reporting.get(customerPath(customer, "")));

    assertThat(view.get("planned")).hasSize(1);
    assertThat(view.at("/planned/0/channel").asString()).isEqualTo("EMAIL");
    assertThat(view.at("/planned/0/kind").asString()).isEqualTo("FINAL_WARNING");
    List<String> carried = new ArrayList<>();
    view.at("/planned/0/dunnings").forEach(d -> carried.add(d.asString()));
    assertThat(carried).containsExactly(dunningId(first), dunningId(second));
    assertThat(view.get("deferred")).isEmpty();
  }

  @Test
  void givenABadRequest_itShouldAnswerWhatIsWrong() {
    String customer = newCustomer();
    open(customer, 1);

    HttpResponse<String> badProvider = reporting.get("/api/v1/customers/Stripe!/cus_1");
    HttpResponse<String> unknownProvider = reporting.get("/api/v1/customers/paypal/cus_1");
    HttpResponse<String> unknownCustomer = reporting.get("/api/v1/customers/elasticpath/cus_none");
    HttpResponse<String> noKey = alice.post(customerPath(customer, "retry"));
    HttpResponse<String> readOnly = reporting.post(customerPath(customer, "retry"), KEY, "k");

    assertThat(badProvider.statusCode()).isEqualTo(400);
    assertThat(json(badProvider).at("/title").asString()).isEqualTo("Unknown provider");
    assertThat(unknownProvider.statusCode()).isEqualTo(400);
    assertThat(json(unknownProvider).at("/detail").asString())
        .contains("no dunning of 'paypal' is recorded");
    assertThat(unknownCustomer.statusCode()).isEqualTo(404);
    assertThat(json(unknownCustomer).at("/detail").asString())
        .isEqualTo("no dunning of customer cus_none at elasticpath is recorded");
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(json(noKey).at("/detail").asString()).startsWith("Idempotency-Key: required");
    assertThat(readOnly.statusCode()).isEqualTo(403);
  }

  private void sent(String invoice, String step, String subject) {
    String dunningId = dunningId(invoice);
    database.update(
        "INSERT INTO notification (notice_key, dunning_id, channel, kind, recipient, state,"
            + " sent_at, subject) VALUES (?, ?, 'EMAIL', 'NOTICE', 'ada@example.com', 'SENT', ?, ?)",
        dunningId + ":" + step + ":email",
        dunningId,
        Timestamp.from(Instant.now()),
        subject);
  }

  private void reserveEmail(String customerId, String invoice) {
    String dunningId = dunningId(invoice);
    ConversationStart.reserveNotice(
        temporal,
        "elasticpath",
        customerId,
        new NoticeRequest(dunningId, dunningId + ":retry:email", Channel.EMAIL, null, null));
  }

  /** As a dunning of version 2 hands a notice over: the coordinator sends it after its hold. */
  private void handOverEmail(String customerId, String invoice, NoticeKind kind) {
    String dunningId = dunningId(invoice);
    ConversationStart.reserveNotice(
        temporal,
        "elasticpath",
        customerId,
        new NoticeRequest(
            dunningId,
            dunningId + ":notice:email",
            Channel.EMAIL,
            null,
            null,
            kind,
            DunningFixtures.payment(),
            true));
  }

  private long retrySignals(String invoice) {
    return SignalsReceived.count(temporal, dunningId(invoice), DunningWorkflow.RETRY_NOW);
  }

  private static String dunningId(String invoice) {
    return DunningIds.workflowId("elasticpath", invoice);
  }

  private static List<String> invoicesIn(JsonNode answer) {
    List<String> invoices = new ArrayList<>();
    answer.at("/result/dunnings").forEach(d -> invoices.add(d.get("invoiceId").asString()));
    return invoices;
  }

  private static List<String> invoices(JsonNode dunnings) {
    List<String> invoices = new ArrayList<>();
    dunnings.forEach(d -> invoices.add(d.get("invoiceId").asString()));
    return invoices;
  }
}
