package com.example.dunning.reliability.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.dev.DevStack;
import com.example.dunning.dev.StripeWebhookSignature;
import com.example.dunning.reliability.support.Patience;
import com.example.dunning.reliability.support.ReliabilityStack;
import com.example.dunning.reliability.support.ScenarioReport;
import com.example.dunning.reliability.support.SharedStack;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.LogTitle;
import io.temporal.client.WorkflowNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint given what it must refuse: bad, stale, future-dated and replayed signatures,
 * truncated and oversized bodies, wrong content types, unknown event types, impossible amounts, ids
 * that try to leave their path, SQL in filters, and tokens missing, unknown, rotated out or without
 * the scope. Each gets its documented status with a message that says what is wrong, and changes
 * nothing: a checksum of every table's rows is the same before and after (an update shows, not only
 * an insert), the workflows it names must not exist, and the one running dunning it aims its
 * actions at is as it was.
 */
class BadInputTest {

  /** A dunning that exists and runs: what the refused actions aim at. */
  private static final String VICTIM = "in_badinput_victim";

  private static final String VICTIM_ID = DunningIds.workflowId("stripe", VICTIM);
  private static final String SECRET = DevStack.DEV_WEBHOOK_SECRET;
  private static final String ROTATED_OUT = "dev_rotated_out_token_of_last_quarter";
  private static final String UNKNOWN = "not_a_token_this_api_knows";
  private static final String EXPIRED_JWT =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMiLCJleHAiOjE2MDAwMDAwMDB9.c2lnbmF0dXJl";

  /** Tomcat refuses these before Spring sees them, since the API answers them in JSON. */
  private static final String ENCODED_SLASH = "The encoded slash character is not allowed";

  private static final String[] TABLES = {
    "failed_invoice",
    "payment_attempt",
    "dunning_log",
    "notification",
    "package_expiry",
    "reconciliation"
  };

  private static ReliabilityStack stack;
  private static DunningState victimBefore;
  private static final AtomicInteger sent = new AtomicInteger();
  private static final AtomicInteger passed = new AtomicInteger();
  private static final Map<String, Integer> perEndpoint =
      Collections.synchronizedMap(new TreeMap<>());

  @BeforeAll
  static void startTheStackAndOneDunning() throws Exception {
    stack = SharedStack.get();
    String event = invoiceEvent("evt_badinput_victim", "invoice.payment_failed", VICTIM, "1999");
    HttpAnswer answer =
        send(
            "POST",
            "/webhooks/stripe",
            Map.of(
                "Content-Type",
                "application/json",
                "Stripe-Signature",
                StripeWebhookSignature.now(event, SECRET)),
            event);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    // Its first step done (email and SMS), the next an hour away: nothing writes meanwhile.
    Patience.await()
        .until(
            () ->
                victim().log().stream().anyMatch(e -> e.title() == LogTitle.EMAIL_SENT)
                    && "retry-1".equals(victim().nextStep()));
    victimBefore = victim();
  }

  /** The row says what was counted, and "pass" only when every case and the victim held. */
  @AfterAll
  static void theVictimIsAsItWasAndTheRowIsWritten() {
    DunningState after = victim();
    boolean victimUnchanged =
        after.status() == DunningStatus.ACTIVE
            && after.log().equals(victimBefore.log())
            && after.attemptCount() == victimBefore.attemptCount();
    long planned = badRequests().count();
    boolean pass = victimUnchanged && passed.get() == planned && sent.get() == planned;
    new ScenarioReport(
            "bad-input",
            "%d of %d bad requests sent, on %d endpoints (%s)"
                .formatted(
                    sent.get(),
                    planned,
                    perEndpoint.size(),
                    String.join(", ", perEndpoint.keySet())),
            "bad, stale, future-dated and replayed signatures; truncated, oversized and non-JSON bodies; wrong content types; unknown events; huge, negative and non-numeric amounts; path traversal in ids; SQL in filters; tokens missing, unknown, rotated out, expired JWT, read-only on resolve",
            "status and message as documented; a checksum of each of 6 tables before/after; workflows named by the request; the one running dunning's state",
            "%s: %d of %d answered as documented and left every table and workflow as it was; the running dunning %s"
                .formatted(
                    pass ? "pass" : "FAIL",
                    passed.get(),
                    planned,
                    victimUnchanged ? "unchanged" : "CHANGED"))
        .publish();
    assertThat(after.status()).isEqualTo(DunningStatus.ACTIVE);
    assertThat(after.log()).isEqualTo(victimBefore.log());
    assertThat(after.attemptCount()).isEqualTo(victimBefore.attemptCount());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void givenBadInput_whenSent_itShouldAnswerAsDocumentedAndChangeNothing(BadRequest bad)
      throws Exception {
    sent.incrementAndGet();
    perEndpoint.merge(bad.endpoint(), 1, Integer::sum);
    Map<String, String> before = tableChecksums();

    HttpAnswer answer = send(bad.method(), bad.path(), bad.headers(), bad.body());
    System.out.println("bad input: " + bad + ": " + answer);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(bad.status());
    assertThat(answer.body()).as(answer.toString()).contains(bad.says());
    assertThat(answer.contentType()).as(answer.toString()).doesNotContain("text/html");
    assertThat(answer.body()).as(answer.toString()).doesNotContain("Exception", "\tat ");
    assertThat(tableChecksums()).as("tables after " + bad).isEqualTo(before);
    for (String workflowId : bad.mustNotExist()) {
      assertThatThrownBy(() -> stack.temporal().newUntypedWorkflowStub(workflowId).describe())
          .as(workflowId)
          .isInstanceOf(WorkflowNotFoundException.class);
    }
    passed.incrementAndGet();
  }

  static Stream<BadRequest> badRequests() {
    List<BadRequest> all = new ArrayList<>();
    all.addAll(webhook());
    all.addAll(dunnings());
    all.addAll(seeds());
    all.addAll(reconciliations());
    return all.stream();
  }

  private static List<BadRequest> webhook() {
    String invoice = "in_badinput_webhook";
    String id = DunningIds.workflowId("stripe", invoice);
    String event = invoiceEvent("evt_badinput_1", "invoice.payment_failed", invoice, "1999");
    long now = Instant.now().getEpochSecond();
    String hook = "/webhooks/stripe";
    List<BadRequest> rows = new ArrayList<>();
    rows.add(
        BadRequest.to("webhook", "POST", hook)
            .json(event)
            .noWorkflow(id)
            .is("no signature", 400, "missing Stripe-Signature header"));
    rows.add(
        BadRequest.to("webhook", "POST", hook)
            .json(event)
            .header("Stripe-Signature", StripeWebhookSignature.now(event, "whsec_someone_else"))
            .noWorkflow(id)
            .is("signed with another secret", 400, "invalid signature"));
    rows.add(
        BadRequest.to("webhook", "POST", hook)
            .json(event)
            .header("Stripe-Signature", "garbage")
            .noWorkflow(id)
            .is("unreadable signature header", 400, "invalid signature"));
    rows.add(
        BadRequest.to("webhook", "POST", hook)
            .json(event)
            .header("Stripe-Signature", StripeWebhookSignature.at(now - 301, event, SECRET))
            .noWorkflow(id)
            .is("stale: signed 301 s ago", 400, "tolerance"));
    rows.add(
        BadRequest.to("webhook", "POST", hook)
            .json(event)
            .header("Stripe-Signature", StripeWebhookSignature.at(now - 86_400, event, SECRET))
            .noWorkflow(id)
            .is("a delivery replayed a day later", 400, "tolerance"));
    rows.add(
        BadRequest.to("webhook", "POST", hook)
            .json(event)
            .header("Stripe-Signature", StripeWebhookSignature.at(now + 3600, event, SECRET))
            .noWorkflow(id)
            .is("signed an hour ahead of time", 400, "tolerance"));
    rows.add(
        BadRequest.to("webhook", "POST", hook)
            .json(event.replace("1999", "1"))
            .header("Stripe-Signature", StripeWebhookSignature.now(event, SECRET))
            .noWorkflow(id)
            .is("body changed after signing", 400, "invalid signature"));
    String truncated = event.substring(0, event.length() / 2);
    rows.add(
        BadRequest.to("webhook", "POST", hook)
            .json(truncated)
            .header("Stripe-Signature", StripeWebhookSignature.now(event, SECRET))
            .noWorkflow(id)
            .is("truncated in transit", 400, "invalid signature"));
    rows.add(
        BadRequest.to("webhook", "POST", hook)
            .json(truncated)
            .header("Stripe-Signature", StripeWebhookSignature.now(truncated, SECRET))
            .noWorkflow(id)
            .is("truncated, then signed", 400, "malformed JSON"));
    String oversized =
        event.replace(
            "\"livemode\"", "\"padding\": \"" + "x".repeat(300 * 1024) + "\", \"livemode\"");
    rows.add(
        BadRequest.to("webhook", "POST", hook)
            .json(oversized)
            .header("Stripe-Signature", StripeWebhookSignature.now(oversized, SECRET))
            .noWorkflow(id)
            .is("300 KiB body, signed", 413, "larger than 262144 bytes"));
    rows.add(
        BadRequest.to("webhook", "POST", hook)
            .body("text/plain", "invoice in_badinput_webhook failed")
            .noWorkflow(id)
            .is("text/plain, unsigned", 400, "missing Stripe-Signature header"));
    String form = "type=invoice.payment_failed&id=" + invoice;
    rows.add(
        BadRequest.to("webhook", "POST", hook)
            .body("application/x-www-form-urlencoded", form)
            .header("Stripe-Signature", StripeWebhookSignature.now(form, SECRET))
            .noWorkflow(id)
            .is("a form, signed", 400, "malformed JSON"));
    String unknown = invoiceEvent("evt_badinput_2", "customer.created", invoice, "1999");
    rows.add(
        BadRequest.to("webhook", "POST", hook)
            .json(unknown)
            .header("Stripe-Signature", StripeWebhookSignature.now(unknown, SECRET))
            .noWorkflow(id)
            .is("unknown event type, signed", 200, "\"ignored\":\"customer.created\""));
    for (String[] amount :
        new String[][] {
          {"negative amount", "-1999", "amount_due must be 0 to 10000000000"},
          {"huge amount (beyond a long)", "123456789012345678901234567890", "amount_due must be"},
          {"non-numeric amount", "\"nineteen\"", "data.object"}
        }) {
      String signed =
          invoiceEvent("evt_badinput_amount", "invoice.payment_failed", invoice, amount[1]);
      rows.add(
          BadRequest.to("webhook", "POST", hook)
              .json(signed)
              .header("Stripe-Signature", StripeWebhookSignature.now(signed, SECRET))
              .noWorkflow(id)
              .is(amount[0] + ", signed", 400, amount[2]));
    }
    for (String[] bad :
        new String[][] {
          {"path traversal in the invoice id", "../../etc/passwd"},
          {"encoded traversal in the invoice id", "%2e%2e%2fadmin"},
          {"SQL in the invoice id", "in_1' OR 1=1 --"},
        }) {
      String signed = invoiceEvent("evt_badinput_id", "invoice.payment_failed", bad[1], "1999");
      rows.add(
          BadRequest.to("webhook", "POST", hook)
              .json(signed)
              .header("Stripe-Signature", StripeWebhookSignature.now(signed, SECRET))
              .is(bad[0] + ", signed", 400, "invoice without a usable id"));
    }
    return rows;
  }

  private static List<BadRequest> dunnings() {
    String token = stackToken();
    String list = "/api/v1/dunnings";
    String invoice = "in_badinput_intake";
    String id = DunningIds.workflowId("stripe", invoice);
    List<BadRequest> rows = new ArrayList<>();
    rows.add(
        BadRequest.to("list", "GET", list)
            .is("no token", 401, "Send Authorization: Bearer <token>."));
    rows.add(
        BadRequest.to("list", "GET", list)
            .token(UNKNOWN)
            .is("unknown token", 401, "not one this API knows"));
    rows.add(
        BadRequest.to("list", "GET", list)
            .token(ROTATED_OUT)
            .is("token rotated out of the configuration", 401, "not one this API knows"));
    rows.add(
        BadRequest.to("list", "GET", list)
            .token(EXPIRED_JWT)
            .is("expired JWT", 401, "not one this API knows"));
    rows.add(
        BadRequest.to("list", "GET", list)
            .header("Authorization", "Basic ZGV2OmRldg==")
            .is("Basic instead of Bearer", 401, "Send Authorization: Bearer <token>."));
    rows.add(
        BadRequest.to("list", "GET", list + "?status=%27%20OR%201%3D1%20--")
            .token(token)
            .is("SQL in the status filter", 400, "is none of"));
    rows.add(
        BadRequest.to("list", "GET", list + "?customer=%27%20OR%201%3D1%20--")
            .token(token)
            .is("SQL in the customer filter: no match", 200, "\"total\":0"));
    rows.add(
        BadRequest.to(
                "list", "GET", list + "?customer=x%27%3B%20DROP%20TABLE%20failed_invoice%3B%20--")
            .token(token)
            .is("DROP TABLE in the customer filter: no match", 200, "\"total\":0"));
    rows.add(
        BadRequest.to("list", "GET", list + "?from=2026-13-45")
            .token(token)
            .is("impossible date", 400, "from"));
    rows.add(
        BadRequest.to("list", "GET", list + "?from=1%3BDROP%20TABLE%20dunning_log")
            .token(token)
            .is("SQL in a date", 400, "from"));
    rows.add(
        BadRequest.to("list", "GET", list + "?size=abc")
            .token(token)
            .is("non-numeric size", 400, "size"));
    rows.add(
        BadRequest.to("list", "GET", list + "?size=100000")
            .token(token)
            .is("huge size", 400, "size: from 1 to 200"));
    rows.add(
        BadRequest.to("list", "GET", list + "?page=-1")
            .token(token)
            .is("negative page", 400, "page: from 0"));
    rows.add(
        BadRequest.to("stats", "GET", list + "/stats?from=yesterday")
            .token(token)
            .is("unreadable from", 400, "from"));
    rows.add(
        BadRequest.to("stats", "GET", list + "/stats?from=2026-12-01&to=2026-11-01")
            .token(token)
            .is("from after to", 400, "before"));
    rows.add(BadRequest.to("stats", "GET", list + "/stats").is("no token", 401, "Bearer"));
    for (String[] path :
        new String[][] {
          {"unknown id", "/in_badinput_nobody", "404", "in_badinput_nobody"},
          {"SQL in the id", "/in_1%27%20OR%201%3D1%20--", "404", "no dunning with id"},
          {"path traversal", "/..%2f..%2fetc%2fpasswd", "400", ENCODED_SLASH},
          {"dot segments", "/%2e%2e/%2e%2e/actuator/env", "400", "the path holds an encoded dot"},
          {
            "semicolon and SQL in the id",
            "/in_1;DROP%20TABLE%20failed_invoice",
            "400",
            "the path holds"
          },
          {"double slash", "//in_badinput_victim", "400", "the path holds"},
          {"encoded backslash", "/in_1%5c..%5csecret", "400", "id"},
        }) {
      rows.add(
          BadRequest.to("read", "GET", list + path[1])
              .token(token)
              .is(path[0], Integer.parseInt(path[2]), path[3]));
    }
    rows.add(
        BadRequest.to("intake", "POST", list)
            .token(SharedStack.READ_ONLY_TOKEN)
            .json(intake(invoice, "4900"))
            .noWorkflow(id)
            .is("read-only token", 403, "needs the resolve scope"));
    rows.add(
        BadRequest.to("intake", "POST", list)
            .json(intake(invoice, "4900"))
            .noWorkflow(id)
            .is("no token", 401, "Bearer"));
    rows.add(
        BadRequest.to("intake", "POST", list)
            .token(token)
            .body("text/plain", intake(invoice, "4900"))
            .noWorkflow(id)
            .is("text/plain", 415, "Content-Type"));
    rows.add(
        BadRequest.to("intake", "POST", list)
            .token(token)
            .json(intake(invoice, "4900").substring(0, 40))
            .noWorkflow(id)
            .is("truncated JSON", 400, "Unexpected end-of-input"));
    for (String[] amount :
        new String[][] {
          {"negative amount", "-4900", "amount"},
          {"zero amount", "0", "amount"},
          {"huge amount", "123456789012345678901234567890", "amount"},
          {"amount beyond the limit", "10000000001", "amount"},
          {"non-numeric amount", "\"lots\"", "amount"},
        }) {
      rows.add(
          BadRequest.to("intake", "POST", list)
              .token(token)
              .json(intake(invoice, amount[1]))
              .noWorkflow(id)
              .is(amount[0], 400, amount[2]));
    }
    rows.add(
        BadRequest.to("intake", "POST", list)
            .token(token)
            .json(intake("../../etc/passwd", "4900"))
            .is("path traversal in the invoice id", 400, "invoiceId"));
    rows.add(
        BadRequest.to("intake", "POST", list)
            .token(token)
            .json(intake("in_1'; DROP TABLE failed_invoice; --", "4900"))
            .is("SQL in the invoice id", 400, "invoiceId"));
    rows.add(
        BadRequest.to("intake", "POST", list)
            .token(token)
            .json(intake(invoice, "4900").replace("\"stripe\"", "\"stripe; DROP TABLE x\""))
            .noWorkflow(id)
            .is("SQL in the provider", 400, "provider"));
    String huge =
        intake(invoice, "4900").replace("\"cus_badinput\"", "\"" + "c".repeat(1024 * 1024) + "\"");
    rows.add(
        BadRequest.to("intake", "POST", list)
            .token(token)
            .json(huge)
            .noWorkflow(id)
            .is("1 MiB customer id", 400, "customerId"));
    for (String action : List.of("mark-paid", "cancel", "pause", "resume", "retry-now")) {
      rows.add(
          BadRequest.to("actions", "POST", list + "/" + VICTIM_ID + "/" + action)
              .token(SharedStack.READ_ONLY_TOKEN)
              .json("{}")
              .is(action + " with a read-only token", 403, "needs the resolve scope"));
    }
    rows.add(
        BadRequest.to("actions", "POST", list + "/" + VICTIM_ID + "/cancel")
            .json("{}")
            .is("cancel without a token", 401, "Bearer"));
    rows.add(
        BadRequest.to("actions", "POST", list + "/" + VICTIM_ID + "/mark-paid")
            .token(ROTATED_OUT)
            .json("{}")
            .is("mark-paid with a token rotated out", 401, "not one this API knows"));
    rows.add(
        BadRequest.to("actions", "POST", list + "/" + VICTIM_ID + "/pause")
            .token(token)
            .json("{\"until\": \"next tuesday\"}")
            .is("pause until no date", 400, "until: 'next tuesday' is not an Instant"));
    rows.add(
        BadRequest.to("actions", "POST", list + "/" + VICTIM_ID + "/pause")
            .token(token)
            .json("{\"until\": \"2020-01-01T00:00:00Z\"}")
            .is("pause until the past", 400, "until: must be in the future"));
    rows.add(
        BadRequest.to("actions", "POST", list + "/" + VICTIM_ID + "/cancel")
            .token(token)
            .json("{\"reason\": ")
            .is("truncated JSON", 400, "malformed JSON"));
    rows.add(
        BadRequest.to("actions", "POST", list + "/" + VICTIM_ID + "/mark-paid")
            .token(token)
            .body("application/xml", "<note>paid</note>")
            .is("XML body", 415, "Content-Type"));
    rows.add(
        BadRequest.to("actions", "POST", list + "/..%2f" + VICTIM_ID + "/cancel")
            .token(token)
            .json("{}")
            .is("traversal before the id", 400, ENCODED_SLASH));
    rows.add(
        BadRequest.to("actions", "POST", list + "/in_1%27%20OR%201%3D1%20--/mark-paid")
            .token(token)
            .json("{}")
            .is("SQL in the id", 404, "no dunning with id"));
    return rows;
  }

  private static List<BadRequest> seeds() {
    String token = stackToken();
    String failed = "/api/ActionService/GetInvoicePaymentFailed";
    String payments = "/subscriptions/subscriptions/-/invoices/";
    String details = "/api/v1/connect/subscriptions/failed/details/";
    List<BadRequest> rows = new ArrayList<>();
    rows.add(
        BadRequest.to("seed 000", "POST", failed)
            .json("{\"UserId\": 1}")
            .is("no token", 401, "Bearer"));
    rows.add(
        BadRequest.to("seed 000", "POST", failed)
            .token(token)
            .json("{\"UserId\": -1}")
            .is("negative user", 400, "UserId must be a positive whole number"));
    rows.add(
        BadRequest.to("seed 000", "POST", failed)
            .token(token)
            .json("{\"UserId\": \"1 OR 1=1\"}")
            .is("SQL as the user", 400, "UserId must be a whole number"));
    rows.add(
        BadRequest.to("seed 000", "POST", failed)
            .token(token)
            .json("{\"UserId\": 123456789012345678901234567890}")
            .is("huge user", 400, "malformed JSON"));
    rows.add(
        BadRequest.to("seed 000", "POST", failed)
            .token(token)
            .json("{\"UserId\": 1, \"StatusId\": ")
            .is("truncated JSON", 400, "malformed JSON"));
    rows.add(
        BadRequest.to("seed 000", "POST", failed)
            .token(token)
            .body("text/plain", "UserId=1")
            .is("text/plain", 415, "Content-Type 'text/plain"));
    rows.add(
        BadRequest.to("seed 000", "POST", failed)
            .token(token)
            .header("Accept", "text/html")
            .json("{\"UserId\": 1}")
            .is("Accept text/html", 406, "this endpoint answers application/json"));
    rows.add(
        BadRequest.to("seed 000", "POST", failed)
            .token(token)
            .body(
                "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<PaymentIntentStatusRequest><UserId>&x;</UserId></PaymentIntentStatusRequest>")
            .is("XML with an external entity", 400, "malformed XML"));
    rows.add(
        BadRequest.to("seed 003", "GET", payments + VICTIM + "/payments")
            .is("no token", 401, "Bearer"));
    rows.add(
        BadRequest.to("seed 003", "GET", payments + "..%2f..%2fetc/payments")
            .token(token)
            .is("encoded traversal in the invoice", 400, ENCODED_SLASH));
    rows.add(
        BadRequest.to("seed 003", "GET", payments + "in_1%27%20OR%201%3D1%20--/payments")
            .token(token)
            .is("SQL in the invoice", 404, "No invoice found"));
    rows.add(
        BadRequest.to("seed 003", "GET", payments + VICTIM + "/payments?page[limit]=-1")
            .token(token)
            .is("negative page limit", 400, "page[limit]"));
    rows.add(
        BadRequest.to("seed 003", "GET", payments + VICTIM + "/payments?page[offset]=abc")
            .token(token)
            .is("non-numeric offset", 400, "page[offset]"));
    rows.add(
        BadRequest.to("seed 003", "GET", payments + VICTIM + "/payments/..%2f..%2f")
            .token(token)
            .is("traversal as the payment", 400, ENCODED_SLASH));
    rows.add(
        BadRequest.to("seed 003", "GET", payments + VICTIM + "/payments/1%20OR%201%3D1")
            .token(token)
            .is("SQL as the payment", 400, "payment"));
    rows.add(BadRequest.to("seed 004", "GET", details + VICTIM).is("no token", 401, "Bearer"));
    rows.add(
        BadRequest.to("seed 004", "GET", details + "in_1%27%20OR%201%3D1%20--")
            .token(token)
            .is("SQL in the order", 400, "payloadValidationErrors"));
    rows.add(
        BadRequest.to("seed 004", "GET", details + "%2e%2e%2f%2e%2e%2fetc")
            .token(token)
            .is("encoded traversal", 400, ENCODED_SLASH));
    rows.add(
        BadRequest.to("seed 004", "GET", details + "in_badinput_nobody")
            .token(token)
            .is("unknown order", 404, "orderNotFound"));
    return rows;
  }

  private static List<BadRequest> reconciliations() {
    String path = "/api/v1/reconciliations";
    List<BadRequest> rows = new ArrayList<>();
    rows.add(BadRequest.to("reconciliations", "GET", path).is("no token", 401, "Bearer"));
    rows.add(
        BadRequest.to("reconciliations", "GET", path)
            .token(UNKNOWN)
            .is("unknown token", 401, "not one this API knows"));
    rows.add(
        BadRequest.to("reconciliations", "GET", path + "?limit=abc")
            .token(stackToken())
            .is("non-numeric limit", 400, "limit"));
    rows.add(
        BadRequest.to("reconciliations", "GET", path + "?limit=1%3BDROP%20TABLE%20reconciliation")
            .token(stackToken())
            .is("SQL in the limit", 400, "limit"));
    rows.add(
        BadRequest.to("reconciliations", "POST", path)
            .token(stackToken())
            .json("{}")
            .is("POST", 405, "POST is not served here; use GET"));
    return rows;
  }

  /** The stack's token (both scopes); the rows are built before the stack starts. */
  private static String stackToken() {
    return "__STACK_TOKEN__";
  }

  private static String intake(String invoiceId, String amount) {
    return """
        {"provider": "stripe", "invoiceId": "%s", "customerId": "cus_badinput", "amount": %s,
         "currency": "NOK", "contact": {"email": "jenny.rosen@example.com"}}
        """
        .formatted(invoiceId.replace("\\", "\\\\").replace("\"", "\\\""), amount);
  }

  private static String invoiceEvent(String eventId, String type, String invoiceId, String amount) {
    return """
        {"id": "%s", "object": "event", "type": "%s", "created": %d, "livemode": false,
         "data": {"object": {"id": "%s", "object": "invoice", "customer": "cus_demo",
           "customer_email": "jenny.rosen@example.com", "amount_due": %s, "currency": "usd",
           "attempt_count": 1, "status": "open"}}}
        """
        .formatted(
            eventId,
            type,
            Instant.now().getEpochSecond(),
            invoiceId.replace("\\", "\\\\").replace("\"", "\\\""),
            amount);
  }

  private static DunningState victim() {
    return stack.temporal().newWorkflowStub(DunningWorkflow.class, VICTIM_ID).state();
  }

  /**
   * Each table's row count and an md5 of all its rows: an update changes it, not only an insert.
   */
  private static Map<String, String> tableChecksums() {
    Map<String, String> sums = new TreeMap<>();
    for (String table : TABLES) {
      sums.put(
          table,
          stack
              .database()
              .queryForObject(
                  "SELECT count(*) || ' rows, md5 '"
                      + " || md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))"
                      + " FROM "
                      + table
                      + " t",
                  String.class));
    }
    return sums;
  }

  record HttpAnswer(int status, String contentType, String body) {
    @Override
    public String toString() {
      return status
          + " "
          + contentType
          + " "
          + (body.length() > 600 ? body.substring(0, 600) : body);
    }
  }

  /**
   * Raw HTTP/1.1 over a socket: the path goes out exactly as written (a client library would
   * normalise {@code ..} or re-encode), and the body may disagree with what the headers say.
   */
  private static HttpAnswer send(
      String method, String path, Map<String, String> headers, String body) throws IOException {
    int port = stack.api("/").getPort();
    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head =
        new StringBuilder(method)
            .append(' ')
            .append(path)
            .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
            .append(port)
            .append("\r\nConnection: close\r\n");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String value = header.getValue().replace("__STACK_TOKEN__", stack.apiToken());
      head.append(header.getKey()).append(": ").append(value).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Length: ").append(payload.length).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      try {
        out.write(payload);
        out.flush();
      } catch (IOException closedEarly) {
        // A server may answer (413) and close before it has read an oversized body.
      }
      InputStream in = socket.getInputStream();
      return parse(in.readAllBytes());
    }
  }

  private static HttpAnswer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    String contentType = "";
    boolean chunked = false;
    for (String line : lines) {
      String lower = line.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("content-type:")) {
        contentType = line.substring(13).strip();
      }
      if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    return new HttpAnswer(status, contentType, chunked ? unchunk(body) : body);
  }

  private static String unchunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    return body.toString();
  }
}
