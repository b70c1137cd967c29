package com.example.dunning.api.seed.paymentfailed;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.api.seed.SeedApiTest;
import com.example.dunning.api.seed.SeedDocuments;
import com.example.dunning.api.seed.SeedRows;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentDetails;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class PaymentFailedSeedTest extends SeedApiTest {

  private static final String PATH = "/api/ActionService/GetInvoicePaymentFailed";
  private static final String SEED = SeedDocuments.read(SeedDocuments.PAYMENT_FAILED);
  private static final String JSON_REQUEST =
      SeedDocuments.between(
          SEED,
          "Request body formats",
          "application/json, text/json\nSample:\n",
          "\napplication/xml");
  private static final String STATUS_ID_CODES =
      "StatusId must be 0 (any), 1 (ACTIVE), 2 (PAUSED), 3 (RECOVERED), 4 (CANCELLED) or 5"
          + " (EXPIRED), not ";
  private static final String XML_REQUEST =
      SeedDocuments.between(
          SEED,
          "Request body formats",
          "application/xml, text/xml\nSample:\n",
          "\napplication/x-www-form-urlencoded");
  private static final String JSON_RESPONSE =
      SeedDocuments.between(
          SEED,
          "Response body formats",
          "application/json, text/json\nSample:\n",
          "\napplication/xml, text/xml");
  private static final String XML_RESPONSE =
      SeedDocuments.between(
          SEED, "Response body formats", "application/xml, text/xml\nSample:\n", null);

  /** The sample's timestamp to the microsecond, which is what PostgreSQL keeps. */
  private static final Instant SAMPLE_TIME = Instant.parse("2026-01-11T19:31:57.483997Z");

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void givenARowWithTheSampleValues_whenAskedForJson_itShouldAnswerTheSeedSampleFieldByField() {
    writeSampleRow();

    HttpResponse<String> response =
        api.post(PATH, "application/json", "application/json", "{\"UserId\": 9}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json;charset=UTF-8");
    ObjectNode expected = (ObjectNode) json.readTree(JSON_RESPONSE);
    ArrayNode items = (ArrayNode) expected.get("Message");
    assertThat(items).hasSize(3).allSatisfy(item -> assertThat(item).isEqualTo(items.get(0)));
    ObjectNode item = (ObjectNode) items.get(0);
    items.removeAll();
    items.add(item);
    // Where the answer may differ from the sample, by design (docs/seed-apis.md):
    expected.put("status", "Success"); // the sample's placeholder
    item.put("StatusId", 5); // 12 is no status; a package expiry date means EXPIRED
    item.put("FailedTimeStamp", "2026-01-11T19:31:57.4839970+00:00"); // PostgreSQL keeps µs
    item.put("PackageExpiryDate", "2026-01-11T19:31:57.4839970+00:00");
    // Compared as text: names, order, types and values.
    assertThat(json.readTree(response.body()).toString()).isEqualTo(expected.toString());
  }

  @Test
  void givenARowWithTheSampleValues_whenAskedForXml_itShouldAnswerTheSeedSampleElementByElement() {
    writeSampleRow();

    HttpResponse<String> response =
        api.post(PATH, "application/json", "application/xml", "{\"UserId\": 9}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/xml;charset=UTF-8");
    String sample = compact(XML_RESPONSE);
    String open = "<d2p1:PaymentIntentFailed>";
    String close = "</d2p1:PaymentIntentFailed>";
    List<String> items = new ArrayList<>();
    for (int at = sample.indexOf(open); at >= 0; at = sample.indexOf(open, at + 1)) {
      items.add(sample.substring(at, sample.indexOf(close, at) + close.length()));
    }
    assertThat(items).hasSize(3).containsOnly(items.get(0));
    String expected =
        sample
            .substring(0, sample.indexOf(open))
            .concat(items.get(0))
            .concat(sample.substring(sample.lastIndexOf(close) + close.length()))
            // the same documented differences as in JSON
            .replace("<status>sample string 1</status>", "<status>Success</status>")
            .replace("<d2p1:StatusId>12</d2p1:StatusId>", "<d2p1:StatusId>5</d2p1:StatusId>")
            .replace(".4839973+00:00", ".4839970+00:00");
    // Compared as text: element names, order, namespaces, prefixes and where they are declared.
    assertThat(compact(response.body())).isEqualTo(expected);
  }

  @Test
  void givenTheSeedRequestSamples_whenPostedInEachContentType_itShouldAnswerTheSameRows() {
    // The samples ask for user 1 with StatusId 2 (PAUSED).
    String paused = rows.open(SeedRows.payment("in_paused", 1), SAMPLE_TIME);
    rows.event(
        paused,
        "pause",
        LogEntry.of(SAMPLE_TIME, LogTitle.PAUSED, "by alice"),
        DunningStatus.PAUSED);
    rows.open(SeedRows.payment("in_active", 1), SAMPLE_TIME);
    String other = rows.open(SeedRows.payment("in_other_user", 2), SAMPLE_TIME);
    rows.event(
        other,
        "pause",
        LogEntry.of(SAMPLE_TIME, LogTitle.PAUSED, "by alice"),
        DunningStatus.PAUSED);

    Map<String, String> bodies =
        Map.of(
            "application/json", JSON_REQUEST,
            "text/json", JSON_REQUEST,
            "application/xml", XML_REQUEST,
            "text/xml", XML_REQUEST,
            "application/x-www-form-urlencoded", "UserId=1&StatusId=2");
    bodies.forEach(
        (contentType, body) -> {
          HttpResponse<String> response = api.post(PATH, contentType, "application/json", body);
          assertThat(response.statusCode()).as(contentType).isEqualTo(200);
          assertThat(invoiceIds(response)).as(contentType).containsExactly("in_paused");
        });
  }

  @Test
  void givenEachAcceptHeader_whenAsked_itShouldAnswerInThatMediaType() {
    rows.open(SeedRows.payment("in_1", 1), SAMPLE_TIME);
    Map<String, String> answers =
        Map.of(
            "application/json", "application/json;charset=UTF-8",
            "text/json", "text/json;charset=UTF-8",
            "application/xml", "application/xml;charset=UTF-8",
            "text/xml", "text/xml;charset=UTF-8",
            "*/*", "application/json;charset=UTF-8",
            "text/html, application/xml;q=0.9", "application/xml;charset=UTF-8");

    answers.forEach(
        (accept, contentType) -> {
          HttpResponse<String> response =
              api.post(PATH, "application/json", accept, JSON_REQUEST.replace("2", "0"));
          assertThat(response.statusCode()).as(accept).isEqualTo(200);
          assertThat(response.headers().firstValue("Content-Type"))
              .as(accept)
              .hasValue(contentType);
          assertThat(response.body()).as(accept).contains("in_1");
        });
    HttpResponse<String> noAccept = api.post(PATH, "application/json", null, "{\"UserId\":1}");
    assertThat(noAccept.headers().firstValue("Content-Type"))
        .hasValue("application/json;charset=UTF-8");
  }

  @Test
  void givenAMediaTypeTheSeedDoesNotList_whenPosted_itShouldAnswer415Or406() {
    assertThat(api.post(PATH, "text/plain", "application/json", "UserId=1").statusCode())
        .isEqualTo(415);
    assertThat(api.post(PATH, "application/json", "text/csv", "{\"UserId\":1}").statusCode())
        .isEqualTo(406);
  }

  @Test
  void givenADunningInEachStatus_whenFilteredByStatusId_itShouldAnswerThatStatusOnly() {
    Instant t = SAMPLE_TIME;
    rows.open(SeedRows.payment("in_active", 1), t);
    String paused = rows.open(SeedRows.payment("in_paused", 1), t.plusSeconds(1));
    rows.event(paused, "pause", LogEntry.of(t, LogTitle.PAUSED, "by alice"), DunningStatus.PAUSED);
    String paid = rows.open(SeedRows.payment("in_recovered", 1), t.plusSeconds(2));
    rows.close(
        paid,
        new DunningResult(DunningStatus.RECOVERED, "marked paid", t, 1),
        LogEntry.of(t, LogTitle.PAID, "marked paid"));
    String cancelled = rows.open(SeedRows.payment("in_cancelled", 1), t.plusSeconds(3));
    rows.close(
        cancelled,
        new DunningResult(DunningStatus.CANCELLED, "customer left", t, 1),
        LogEntry.of(t, LogTitle.CANCELLED, "customer left"));
    PaymentDetails expiring = SeedRows.payment("in_expired", 1);
    String expired = rows.open(expiring, t.plusSeconds(4));
    rows.expirePackage(expired, expiring);
    rows.close(expired, new DunningResult(DunningStatus.EXPIRED, "not paid", t, 1), null);
    // Expired, in its restore window: the workflow records EXPIRED only when it closes.
    PaymentDetails restorable = SeedRows.payment("in_restorable", 1);
    rows.expirePackage(rows.open(restorable, t.plusSeconds(5)), restorable);
    rows.open(SeedRows.payment("in_someone_else", 2), t);

    List<List<String>> byCode =
        List.of(
            List.of(),
            List.of("in_active"),
            List.of("in_paused"),
            List.of("in_recovered"),
            List.of("in_cancelled"),
            List.of("in_restorable", "in_expired"));
    for (int code = 1; code <= 5; code++) {
      HttpResponse<String> response =
          api.post(PATH, "application/json", "application/json", request(1, code));
      assertThat(invoiceIds(response)).as("StatusId %d", code).isEqualTo(byCode.get(code));
      for (JsonNode item : json.readTree(response.body()).get("Message")) {
        assertThat(item.get("StatusId").asInt()).isEqualTo(code);
      }
    }
    List<String> newestFirst =
        List.of(
            "in_restorable",
            "in_expired",
            "in_cancelled",
            "in_recovered",
            "in_paused",
            "in_active");
    assertThat(invoiceIds(api.post(PATH, "application/json", "application/json", request(1, 0))))
        .containsExactlyElementsOf(newestFirst);
    assertThat(invoiceIds(api.post(PATH, "application/json", "application/json", "{\"UserId\":1}")))
        .containsExactlyElementsOf(newestFirst);
    assertThat(invoiceIds(api.post(PATH, "application/json", "application/json", request(3, 0))))
        .isEmpty();
  }

  @Test
  void givenColumnsWithoutValue_whenAnswered_itShouldWriteNullInJsonAndNilInXml() {
    rows.open(SeedRows.payment("in_1", 1), SAMPLE_TIME); // no package expiry yet

    String jsonBody =
        api.post(PATH, "application/json", "application/json", "{\"UserId\":1}").body();
    String xmlBody = api.post(PATH, "application/json", "application/xml", "{\"UserId\":1}").body();

    JsonNode item = json.readTree(jsonBody).get("Message").get(0);
    assertThat(item.has("PackageExpiryDate")).isTrue();
    assertThat(item.get("PackageExpiryDate").isNull()).isTrue();
    assertThat(xmlBody)
        .contains(
            "<d2p1:PackageExpiryDate i:nil=\"true\"/>" + "<d2p1:PackageID>7</d2p1:PackageID>");
  }

  @Test
  void givenBadInput_whenPosted_itShouldAnswer400InTheWebApiErrorStyle() {
    Map<String, String[]> bad =
        Map.of(
            "no UserId", new String[] {"application/json", "{\"StatusId\":1}"},
            "UserId not a number", new String[] {"application/json", "{\"UserId\":\"abc\"}"},
            "unknown StatusId", new String[] {"application/json", "{\"UserId\":1,\"StatusId\":9}"},
            "malformed JSON", new String[] {"application/json", "{\"UserId\":"},
            "empty body", new String[] {"application/json", ""},
            "XML in another namespace",
                new String[] {
                  "application/xml",
                  "<PaymentIntentStatusRequest><StatusId>2</StatusId><UserId>1</UserId></PaymentIntentStatusRequest>"
                },
            "XML out of order",
                new String[] {
                  "application/xml",
                  XML_REQUEST.replace(
                      "<StatusId>2</StatusId> <UserId>1</UserId>",
                      "<UserId>1</UserId> <StatusId>2</StatusId>")
                },
            "form UserId not a number",
                new String[] {"application/x-www-form-urlencoded", "UserId=x&StatusId=1"});
    bad.forEach(
        (why, request) -> {
          HttpResponse<String> response =
              api.post(PATH, request[0], "application/json", request[1]);
          assertThat(response.statusCode()).as(why).isEqualTo(400);
          JsonNode error = json.readTree(response.body());
          assertThat(error.get("Message").asString()).as(why).isEqualTo("The request is invalid.");
          assertThat(error.get("MessageDetail").asString()).as(why).isNotBlank();
        });

    HttpResponse<String> notANumber =
        api.post(PATH, "application/json", "application/json", "{\"UserId\":\"abc\"}");
    assertThat(json.readTree(notANumber.body()).get("MessageDetail").asString())
        .isEqualTo("malformed JSON: UserId must be a whole number");

    HttpResponse<String> xml =
        api.post(PATH, "application/json", "application/xml", "{\"StatusId\":1}");
    assertThat(xml.statusCode()).isEqualTo(400);
    assertThat(xml.body())
        .isEqualTo(
            "<Error><Message>The request is invalid.</Message>"
                + "<MessageDetail>UserId must be a positive whole number</MessageDetail></Error>");

    // Numbers beyond what the fields hold are answered in the caller's words, not Jackson's.
    Map<String, String[]> tooLarge =
        Map.of(
            "malformed JSON: UserId must be a whole number up to 9223372036854775807",
            new String[] {"application/json", "{\"UserId\":99999999999999999999}"},
            "UserId must be a whole number, not '99999999999999999999'",
            new String[] {"application/x-www-form-urlencoded", "UserId=99999999999999999999"},
            STATUS_ID_CODES + "99999999999",
            new String[] {"application/json", "{\"UserId\":1,\"StatusId\":99999999999}"},
            STATUS_ID_CODES + "99999999998",
            new String[] {"application/x-www-form-urlencoded", "UserId=1&StatusId=99999999998"},
            STATUS_ID_CODES + "99999999997",
            new String[] {
              "application/xml",
              XML_REQUEST.replace("<StatusId>2</StatusId>", "<StatusId>99999999997</StatusId>")
            });
    tooLarge.forEach(
        (detail, request) -> {
          HttpResponse<String> response =
              api.post(PATH, request[0], "application/json", request[1]);
          assertThat(response.statusCode()).as(detail).isEqualTo(400);
          assertThat(json.readTree(response.body()).get("MessageDetail").asString())
              .isEqualTo(detail);
        });
  }

  /** The sample's values in the columns the worker writes them to. */
  private void writeSampleRow() {
    PaymentDetails sample =
        new PaymentDetails(
            "stripe",
            "sample string 2",
            InvoiceStatus.OPEN,
            5,
            "usd",
            11,
            null,
            null,
            new Customer("sample string 6", null, "sample string 7", "sample string 16", null),
            "sample string 8",
            null,
            null,
            "sample string 3",
            "sample string 4",
            null,
            null,
            false,
            Map.of(
                "user_id", "9",
                "package_id", "14",
                "artist_name", "sample string 13",
                "profile_url", "sample string 17"));
    String dunningId = rows.open(sample, SAMPLE_TIME);
    // The worker stamps the expiry with its clock; the sample has a fixed time.
    rows.jdbc()
        .update(
            "UPDATE failed_invoice SET package_expiry_date = ? WHERE dunning_id = ?",
            Timestamp.from(SAMPLE_TIME),
            dunningId);
  }

  private List<String> invoiceIds(HttpResponse<String> response) {
    List<String> ids = new ArrayList<>();
    json.readTree(response.body())
        .get("Message")
        .forEach(item -> ids.add(item.get("InvoiceId").asString()));
    return ids;
  }

  private static String request(long userId, int statusId) {
    return "{\"UserId\":" + userId + ",\"StatusId\":" + statusId + "}";
  }

  private static String compact(String xml) {
    return xml.replaceAll(">\\s+<", "><").trim();
  }
}
