package com.example.dunning.api.seed.faileddetails;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.api.seed.SeedApiTest;
import com.example.dunning.api.seed.SeedDocuments;
import com.example.dunning.api.seed.SeedRows;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentAttempt;
import com.example.dunning.workflows.model.PaymentDetails;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class FailedDetailsSeedTest extends SeedApiTest {

  private static final String PATH = "/api/v1/connect/subscriptions/failed/details/";

  /** The seed's times are Oslo's, where Frontpayment writes them (UTC+1 in winter). */
  private static final Instant ORDERED_AT = Instant.parse("2024-12-19T05:47:11Z");

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void givenARowWithTheExampleValues_whenRead_itShouldAnswerTheSeedExampleFieldByField() {
    // As the seed has it (a web page's obfuscated address, with a no-break space).
    String email = example().at("/data/details/email").asString();
    PaymentDetails example =
        new PaymentDetails(
            "stripe",
            "in_example",
            InvoiceStatus.OPEN,
            250_000,
            "nok",
            1,
            null,
            null,
            new Customer("cus_1", "Nafees", email, "+4746567468", "Europe/Oslo"),
            "SUB2532543787",
            null,
            "Health Check Service 3",
            "pi_1",
            "pm_1",
            null,
            null,
            false,
            Map.of());
    String dunningId = rows.open(example, ORDERED_AT);
    // created_at is the database's clock; the example's order was created the day it failed.
    rows.jdbc()
        .update(
            "UPDATE failed_invoice SET created_at = ? WHERE dunning_id = ?",
            Timestamp.from(ORDERED_AT),
            dunningId);
    rows.log(
        dunningId,
        "email",
        new LogEntry(
            ORDERED_AT.plusSeconds(60),
            LogTitle.EMAIL_SENT,
            "notice",
            EntryStatus.SUCCESS,
            email,
            null));

    HttpResponse<String> response = api.get(PATH + dunningId, "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    ObjectNode expected = example();
    // The example's ORDER RESENT lines are Frontpayment's word, which no dunning writes and the
    // database refuses (V7); its "..." stands for the older entries: ours are the notice and the
    // failure.
    ArrayNode logs = ((ArrayNode) expected.at("/data/logs")).removeAll();
    logs.add(log("EMAIL SENT", "19.12.2024 06:48", "notice", "SUCCESS", email, null));
    logs.add(
        log(
            "PAYMENT FAILED",
            "19.12.2024 06:47",
            "attempt 1: payment failed",
            "FAILED",
            "",
            "pm_1"));
    // What the tables do not hold is null (docs/seed-apis.md); ACTIVE reads FAILED.
    ObjectNode details = (ObjectNode) expected.at("/data/details");
    for (String absent :
        new String[] {
          "dueDateForPaymentLink",
          "street",
          "zip",
          "city",
          "country",
          "subTotal",
          "totalDiscount",
          "totalTax",
          "repeats",
          "numberOfPaidCycles"
        }) {
      details.putNull(absent);
    }
    details.put("status", "FAILED");
    ((ObjectNode) details.at("/products/0")).putNull("discount").putNull("tax");
    // Compared as text: names, order, types and values.
    assertThat(json.readTree(response.body()).toString()).isEqualTo(expected.toString());
  }

  @Test
  void givenADunningToItsEnd_whenRead_itShouldListEveryStepNewestFirstWithTheWorkflowsTitles() {
    PaymentDetails payment = SeedRows.payment("in_1", 1);
    Instant t = Instant.parse("2025-03-01T10:00:00Z");
    String dunningId = rows.open(payment, t);
    rows.log(
        dunningId,
        "notice:email",
        new LogEntry(
            t.plusSeconds(60),
            LogTitle.EMAIL_SENT,
            "notice",
            EntryStatus.SUCCESS,
            "ada@example.com",
            null));
    rows.log(
        dunningId,
        "notice:sms",
        new LogEntry(
            t.plusSeconds(120),
            LogTitle.SMS_SENT,
            "notice",
            EntryStatus.SUCCESS,
            "+4746567468",
            null));
    rows.charge(
        dunningId,
        "charge:1",
        new PaymentAttempt(
            2, false, "pi_in_1", "card_declined", 1999, "usd", t.plusSeconds(86_400)));
    rows.event(
        dunningId,
        "event:1",
        LogEntry.of(t.plusSeconds(90_000), LogTitle.PAUSED, "by alice"),
        DunningStatus.PAUSED);
    rows.event(
        dunningId,
        "event:2",
        LogEntry.of(t.plusSeconds(93_600), LogTitle.RESUMED, "by alice"),
        DunningStatus.ACTIVE);
    rows.expirePackage(dunningId, payment);
    rows.close(
        dunningId, new DunningResult(DunningStatus.EXPIRED, "not paid", Instant.now(), 2), null);

    JsonNode answer = json.readTree(api.get(PATH + dunningId, "application/json").body());

    assertThat(answer.at("/data/logs").valueStream().map(log -> log.get("title").asString()))
        .containsExactly(
            "PACKAGE EXPIRED",
            "RESUMED",
            "PAUSED",
            "RETRY FAILED",
            "SMS SENT",
            "EMAIL SENT",
            "PAYMENT FAILED");
    // 10:00 UTC is 11:00 in Oslo, the zone the API writes in by default.
    assertThat(answer.at("/data/logs/3/datetime").asString()).isEqualTo("02.03.2025 11:00");
    assertThat(answer.at("/data/logs/3/status").asString()).isEqualTo("FAILED");
    assertThat(answer.at("/data/logs/4/sentTo").asString()).isEqualTo("+4746567468");
    JsonNode details = answer.at("/data/details");
    assertThat(details.get("status").asString()).isEqualTo("EXPIRED");
    assertThat(details.get("sendOrderViaSms").asInt()).isEqualTo(1);
    assertThat(details.get("sendOrderViaEmail").asInt()).isEqualTo(1);
    assertThat(details.get("payablePerCycle").decimalValue()).isEqualByComparingTo("19.99");
    assertThat(details.get("currency").asString()).isEqualTo("USD");
    assertThat(details.at("/products/0/productName").asString()).isEqualTo("Pro Package");
  }

  @Test
  void givenAnExpiredPackageInItsRestoreWindow_whenRead_itShouldSayExpired() {
    PaymentDetails payment = SeedRows.payment("in_1", 1);
    String dunningId = rows.open(payment, Instant.parse("2025-03-01T10:00:00Z"));
    rows.expirePackage(dunningId, payment); // the dunning goes on, waiting for a late payment

    JsonNode answer = json.readTree(api.get(PATH + dunningId, "application/json").body());

    assertThat(answer.at("/data/details/status").asString()).isEqualTo("EXPIRED");
    assertThat(answer.at("/data/logs/0/title").asString()).isEqualTo("PACKAGE EXPIRED");
  }

  @Test
  void givenTheInvoiceIdInsteadOfTheDunningId_whenRead_itShouldAnswerTheSameOrder() {
    String dunningId =
        rows.open(SeedRows.payment("in_1", 1), Instant.parse("2025-03-01T10:00:00Z"));

    String byDunningId = api.get(PATH + dunningId, "application/json").body();
    String byInvoiceId = api.get(PATH + "in_1", "application/json").body();

    assertThat(byInvoiceId).isEqualTo(byDunningId).contains("\"is_data\":true");
  }

  @Test
  void givenAnUnknownOrBadOrderUuid_whenRead_itShouldAnswerInTheSeedsErrorStyle() {
    HttpResponse<String> unknown = api.get(PATH + "in_unknown", "application/json");
    HttpResponse<String> bad = api.get(PATH + "in%20one", "application/json");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body())
        .isEqualTo(
            "{\"status_code\":404,\"status_message\":\"Not Found\",\"message\":\"orderNotFound\","
                + "\"is_data\":false,\"data\":null}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("message").asString())
        .isEqualTo("payloadValidationErrors");
    assertThat(api.get(PATH + "in_unknown", "application/xml").statusCode()).isEqualTo(406);
  }

  /** The seed's example response, without its "..." (a stand-in for more log entries). */
  private ObjectNode example() {
    String example =
        SeedDocuments.between(
            SeedDocuments.read(SeedDocuments.FAILED_DETAILS),
            "Example Response :",
            "Example Response :",
            null);
    return (ObjectNode) json.readTree(example.replaceAll(",\\s*\\.\\.\\.\\s*]", "]"));
  }

  private ObjectNode log(
      String title, String datetime, String note, String status, String sentTo, String method) {
    ObjectNode log = json.createObjectNode();
    log.put("title", title)
        .put("datetime", datetime)
        .put("note", note)
        .put("status", status)
        .put("sentTo", sentTo)
        .put("paymentMethod", method)
        .putNull("refundAmount");
    return log;
  }
}
