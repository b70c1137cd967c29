package com.example.dunning.api.seed.invoicepayments;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.api.seed.SeedApiTest;
import com.example.dunning.api.seed.SeedDocuments;
import com.example.dunning.api.seed.SeedRows;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentAttempt;
import com.example.dunning.workflows.model.PaymentDetails;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InvoicePaymentsSeedTest extends SeedApiTest {

  private static final Instant FAILED_AT = Instant.parse("2025-03-01T10:15:30.123456Z");
  private static final Instant RETRIED_AT = Instant.parse("2025-03-04T10:15:30Z");
  private static final Instant PAID_AT = Instant.parse("2025-03-08T10:15:30Z");
  private static final Instant UPDATED_AT = Instant.parse("2025-03-08T11:00:00.000001Z");

  private final JsonMapper json = JsonMapper.builder().build();
  private String dunningId;

  /** A dunning's three charges: the failure Stripe reported, a failed retry, a paid retry. */
  @BeforeEach
  void anInvoiceChargedThreeTimes() {
    dunningId = rows.open(SeedRows.payment("in_1", 1), FAILED_AT);
    rows.charge(
        dunningId,
        "charge:1",
        new PaymentAttempt(2, false, "pi_in_1", "card_declined", 1999, "usd", RETRIED_AT));
    rows.charge(
        dunningId, "charge:2", new PaymentAttempt(3, true, "pi_in_1", null, 1999, "usd", PAID_AT));
    rows.close(
        dunningId,
        new DunningResult(DunningStatus.RECOVERED, "recovered by a retry", PAID_AT, 3),
        LogEntry.of(PAID_AT, LogTitle.PAID, "recovered by a retry"));
    // updated_at is the database's clock; fixed here so the whole document can be compared.
    rows.jdbc().update("UPDATE payment_attempt SET updated_at = ?", Timestamp.from(UPDATED_AT));
  }

  @Test
  void givenTheFirstFailure_whenReadByItsIds_itShouldAnswerTheWholeSeedDocument() {
    String paymentId = id(dunningId + ":opened");

    HttpResponse<String> response =
        api.get(path("sub_1", "in_1") + "/" + paymentId, "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body())
        .isEqualTo(
            """
            {"data":{"id":"%s","type":"subscription_invoice_payment",\
            "attributes":{"success":false,"pending":false,"gateway":"stripe",\
            "external_payment_id":"pi_in_1",\
            "failure_detail":{"reason":"card_declined / insufficient_funds"},\
            "amount":{"currency":"USD","amount":1999,"includes_tax":false}},\
            "meta":{"owner":"store","subscription_id":"sub_1","invoice_id":"in_1","job_id":"%s",\
            "timestamps":{"updated_at":"2025-03-08T11:00:00.000001Z",\
            "created_at":"2025-03-01T10:15:30.123456Z"},\
            "manual_payment":false}}}"""
                .formatted(paymentId, id(dunningId)));
  }

  @Test
  void givenAFailedAndAPaidCharge_whenRead_itShouldNameEveryFieldOfTheSeedInItsOrder() {
    List<String> seed = seedFieldNames();
    assertThat(seed)
        .startsWith("data", "id", "type", "attributes", "success")
        .endsWith("timestamps", "updated_at", "created_at", "payment_taken_at", "manual_payment");

    JsonNode failed = document(id(dunningId + ":opened"));
    JsonNode paid = document(id(dunningId + ":charge:2"));

    // A failure has no payment_taken_at, a payment no failure_detail: each has the rest.
    List<String> withoutTakenAt = new ArrayList<>(seed);
    withoutTakenAt.remove("payment_taken_at");
    List<String> withoutFailure = new ArrayList<>(seed);
    withoutFailure.removeAll(List.of("failure_detail", "reason"));
    assertThat(fieldNames(failed)).containsExactlyElementsOf(withoutTakenAt);
    assertThat(fieldNames(paid)).containsExactlyElementsOf(withoutFailure);
    assertThat(paid.at("/data/meta/timestamps/payment_taken_at").asString())
        .isEqualTo("2025-03-08T10:15:30.000000Z");
    assertThat(paid.at("/data/attributes/success").asBoolean()).isTrue();
  }

  @Test
  void givenThreeCharges_whenListed_itShouldAnswerThemInTheOrderTheyWereMade() {
    HttpResponse<String> response = api.get(path("sub_1", "in_1"), "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode page = json.readTree(response.body());
    assertThat(page.get("data").valueStream().map(p -> p.get("id").asString()))
        .containsExactly(
            id(dunningId + ":opened"), id(dunningId + ":charge:1"), id(dunningId + ":charge:2"));
    assertThat(page.get("data").valueStream().map(p -> p.at("/attributes/success").asBoolean()))
        .containsExactly(false, false, true);
    assertThat(page.at("/data/1/attributes/failure_detail/reason").asString())
        .isEqualTo("card_declined");
    assertThat(fieldNames(page.get("links")))
        .containsExactly("current", "first", "last", "prev", "next");
    assertThat(page.at("/links/first").asString())
        .endsWith(path("sub_1", "in_1") + "?page[offset]=0&page[limit]=25");
    assertThat(page.at("/links/next").isNull()).isTrue();
  }

  @Test
  void givenPageParameters_whenListed_itShouldAnswerThatPageWithItsNeighbours() {
    HttpResponse<String> response =
        api.get(
            path("sub_1", "in_1") + "?page%5Boffset%5D=1&page%5Blimit%5D=1", "application/json");

    JsonNode page = json.readTree(response.body());
    assertThat(page.get("data")).hasSize(1);
    assertThat(page.at("/data/0/id").asString()).isEqualTo(id(dunningId + ":charge:1"));
    assertThat(page.at("/links/prev").asString()).endsWith("?page[offset]=0&page[limit]=1");
    assertThat(page.at("/links/next").asString()).endsWith("?page[offset]=2&page[limit]=1");
    assertThat(page.at("/links/last").asString()).endsWith("?page[offset]=2&page[limit]=1");
  }

  @Test
  void givenTheOtherNamesOfTheInvoice_whenListed_itShouldFindTheSameCharges() {
    String byInvoice = api.get(path("sub_1", "in_1"), "application/json").body();

    assertThat(api.get(path("sub_1", dunningId), "application/json").body())
        .isEqualTo(byInvoice.replace(path("sub_1", "in_1"), path("sub_1", dunningId)));
    assertThat(json.readTree(api.get(path("-", "in_1"), "application/json").body()).get("data"))
        .isEqualTo(json.readTree(byInvoice).get("data"));
  }

  @Test
  void givenAnElasticPathDunning_whenReadAtItsUuids_itShouldAnswerWithUuidMetaIds() {
    String subscription = "a5ea4e0e-6a6c-4b43-8e5c-6f3e9c1f3d10";
    String invoice = "0f3c1c52-58c4-4e1b-9f0e-2a8b6c7d9e41";
    PaymentDetails elasticPath =
        SeedRows.payment("elasticpath", subscription + "_" + invoice, subscription);
    String epDunning = rows.open(elasticPath, FAILED_AT);
    String paymentId = id(epDunning + ":opened");

    HttpResponse<String> listed = api.get(path(subscription, invoice), "application/json");
    HttpResponse<String> one =
        api.get(path(subscription, invoice) + "/" + paymentId, "application/json");

    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(json.readTree(listed.body()).get("data").valueStream().map(p -> p.get("id")))
        .extracting(JsonNode::asString)
        .containsExactly(paymentId);
    assertThat(one.statusCode()).isEqualTo(200);
    JsonNode meta = json.readTree(one.body()).at("/data/meta");
    assertThat(meta.get("subscription_id").asString()).isEqualTo(subscription);
    assertThat(meta.get("invoice_id").asString()).isEqualTo(invoice);
    assertThat(UUID.fromString(meta.get("job_id").asString()).toString())
        .isEqualTo(meta.get("job_id").asString());
    // The other subscription's uuid does not reach it, nor does the Stripe dunning of this test.
    assertThat(
            api.get(path(UUID.randomUUID().toString(), invoice), "application/json").statusCode())
        .isEqualTo(404);
    assertThat(api.get(path(subscription, "in_1"), "application/json").statusCode()).isEqualTo(404);
  }

  @Test
  void givenUnknownIds_whenRead_itShouldAnswer404InTheSeedsErrorStyle() {
    Map<String, String> notFound =
        Map.of(
            path("sub_1", "in_unknown"),
            "No invoice found",
            path("sub_other", "in_1"),
            "No invoice found",
            path("sub_1", "in_1") + "/" + UUID.randomUUID(),
            "No payment found",
            path("sub_1", "in_unknown") + "/" + id(dunningId + ":opened"),
            "No invoice found");
    notFound.forEach(
        (path, detail) -> {
          HttpResponse<String> response = api.get(path, "application/json");
          assertThat(response.statusCode()).as(path).isEqualTo(404);
          assertThat(response.body())
              .as(path)
              .isEqualTo(
                  "{\"errors\":[{\"status\":\"404\",\"title\":\"Not Found\",\"detail\":\""
                      + detail
                      + "\"}]}");
        });
  }

  @Test
  void givenBadParameters_whenRead_itShouldAnswer400AndXmlShouldBeRefusedWith406() {
    Map<String, String> bad =
        Map.of(
            path("sub_1", "in_1") + "/not-a-uuid", "payment_uuid: must be a UUID",
            path("sub_1", "in_1") + "?page%5Blimit%5D=0",
                "page[limit]: must be a whole number from 1 to 100",
            path("sub_1", "in_1") + "?page%5Boffset%5D=abc",
                "page[offset]: must be a whole number from 0 to 10000");
    bad.forEach(
        (path, detail) -> {
          HttpResponse<String> response = api.get(path, "application/json");
          assertThat(response.statusCode()).as(path).isEqualTo(400);
          assertThat(response.body())
              .as(path)
              .isEqualTo(
                  "{\"errors\":[{\"status\":\"400\",\"title\":\"Validation Error\",\"detail\":\""
                      + detail
                      + "\"}]}");
        });
    assertThat(api.get(path("sub_1", "in_1"), "application/xml").statusCode()).isEqualTo(406);
  }

  /** The field names of the seed's schema, in its order. */
  private static List<String> seedFieldNames() {
    String schema =
        SeedDocuments.between(
            SeedDocuments.read(SeedDocuments.INVOICE_PAYMENT), "Responses", "Schema", "Loading...");
    Matcher field = Pattern.compile("(?m)^ *([a-z_]+) [A-Za-z]").matcher(schema);
    List<String> names = new ArrayList<>();
    while (field.find()) {
      names.add(field.group(1));
    }
    return names;
  }

  /** Every member name of a document, depth first, in the order written. */
  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.properties()
        .forEach(
            member -> {
              names.add(member.getKey());
              if (member.getValue().isObject()) {
                names.addAll(fieldNames(member.getValue()));
              }
            });
    return names;
  }

  private JsonNode document(String paymentId) {
    HttpResponse<String> response =
        api.get(path("sub_1", "in_1") + "/" + paymentId, "application/json");
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static String path(String subscription, String invoice) {
    return "/subscriptions/subscriptions/" + subscription + "/invoices/" + invoice + "/payments";
  }

  /** A payment's id: the same name-based UUID the worker gives the row's key. */
  private static String id(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
