package com.example.dunning.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.api.ApiTestContext;
import com.example.dunning.api.dunnings.RecordedDunnings;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The notices on a dunning's page as they were sent, and the page previewing all of them. */
class NoticePagesTest extends ApiTestContext {

  private final RecordedDunnings recorded = new RecordedDunnings();

  @Test
  void givenASentNotice_whenItsDunningIsShown_itShouldShowWhatItSaidEscaped() {
    String dunningId = openNorwegianDunning();
    new JdbcTemplate(TestPostgres.dataSource())
        .update(
            "INSERT INTO notification (notice_key, dunning_id, channel, kind, recipient, state,"
                + " sent_at, subject, body, locale) VALUES (?, ?, 'EMAIL', 'NOTICE',"
                + " 'kari@example.no', 'SENT', now(), ?, ?, 'nb-NO')",
            dunningId + ":notice:email",
            dunningId,
            "Betalingen din på kr 2 500,00 gikk ikke gjennom",
            "Hei Kari <b>Nordmann</b>,\n\nVi klarte ikke å trekke betalingen din.");

    HttpResponse<String> page = reporting.get("/dashboard/dunnings/" + dunningId);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "Notices sent",
            "Betalingen din på kr 2 500,00 gikk ikke gjennom",
            "Hei Kari &lt;b&gt;Nordmann&lt;/b&gt;,",
            "(nb-NO)",
            "/dashboard/dunnings/" + dunningId + "/notices")
        .doesNotContain("<b>Nordmann</b>");
  }

  @Test
  void givenADunning_whenItsNoticesArePreviewed_itShouldShowEveryKindInEveryLanguage() {
    String dunningId = openNorwegianDunning();

    HttpResponse<String> page = reporting.get("/dashboard/dunnings/" + dunningId + "/notices");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(count(page.body(), "<article class=\"notice-preview\"")).isEqualTo(6 * 6);
    assertThat(page.body())
        .contains(
            "data-kind=\"NOTICE\" data-lang=\"nb-NO\"",
            "Betalingen din på kr\u00a02\u00a0500,00 til Example gikk ikke gjennom",
            "Ihre Zahlung über 2.500,00\u00a0NOK an Example ist fehlgeschlagen",
            "data-kind=\"RECOVERED\" data-lang=\"sv-SE\"",
            "sandbox=\"\"",
            "srcdoc=\"&lt;!DOCTYPE html&gt;")
        .doesNotContain("more than one segment");
  }

  @Test
  void givenNoSuchDunning_whenPreviewed_itShouldAnswerNotFound() {
    HttpResponse<String> page = reporting.get("/dashboard/dunnings/in_nowhere_at_all/notices");

    assertThat(page.statusCode()).isEqualTo(404);
  }

  private String openNorwegianDunning() {
    return recorded.open(
        "in_" + UUID.randomUUID().toString().substring(0, 8),
        "cus_kari",
        250000,
        "nok",
        Instant.parse("2024-02-02T10:00:00Z"));
  }

  private static int count(String text, String what) {
    Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
