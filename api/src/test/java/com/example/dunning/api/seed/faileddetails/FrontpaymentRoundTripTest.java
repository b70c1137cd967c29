package com.example.dunning.api.seed.faileddetails;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.payment.CredentialRefusals;
import com.example.dunning.activities.payment.FrontpaymentPaymentProvider;
import com.example.dunning.activities.payment.FrontpaymentProperties;
import com.example.dunning.api.security.TestTokens;
import com.example.dunning.api.seed.SeedApiTest;
import com.example.dunning.api.seed.SeedRows;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentDetails;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.client.RestClient;

/**
 * The project's own Frontpayment adapter reads the failed-payment details API (seed 004), which
 * mirrors Frontpayment's, for a dunning in every status: what one side writes, the other reads.
 */
class FrontpaymentRoundTripTest extends SeedApiTest {

  private static final Instant FAILED_AT = Instant.parse("2025-03-01T10:15:00Z");

  /** What the order's invoice is while its dunning stands so: unpaid until paid or cancelled. */
  private static final Map<DunningStatus, InvoiceStatus> EXPECTED =
      new EnumMap<>(
          Map.of(
              DunningStatus.ACTIVE, InvoiceStatus.OPEN,
              DunningStatus.PAUSED, InvoiceStatus.OPEN,
              DunningStatus.RECOVERED, InvoiceStatus.PAID,
              DunningStatus.CANCELLED, InvoiceStatus.VOID,
              DunningStatus.EXPIRED, InvoiceStatus.OPEN));

  @Value("${local.server.port}")
  private int port;

  @Value("${dunning.frontpayment.time-zone:Europe/Oslo}")
  private ZoneId adapterZone;

  @Test
  void givenADunningInEachStatus_whenTheFrontpaymentAdapterReadsIt_itShouldReadThatStatus() {
    assertThat(EXPECTED).containsOnlyKeys(DunningStatus.values());
    FrontpaymentPaymentProvider adapter = adapter();
    Map<DunningStatus, InvoiceStatus> read = new EnumMap<>(DunningStatus.class);
    for (DunningStatus status : DunningStatus.values()) {
      String dunningId = dunningIn(status);
      PaymentDetails details = adapter.fetchPayment(dunningId);
      read.put(status, details.status());
      assertThat(details.amountDue()).as(status.name()).isEqualTo(1999);
    }
    assertThat(read).isEqualTo(EXPECTED);
  }

  @Test
  void givenAFailureJustBeforeMidnightUtc_whenReadBack_itShouldFallOnTheDayTheAdapterReads() {
    // 23:30 UTC on 1 March is 00:30 on 2 March in Oslo, where Frontpayment's local times are.
    Instant lateAtNight = Instant.parse("2025-03-01T23:30:00Z");
    String dunningId =
        rows.open(SeedRows.payment("frontpayment", "fp-order-late", "SUB-1"), lateAtNight);

    PaymentDetails details = adapter().fetchPayment(dunningId);

    assertThat(adapterZone).isEqualTo(ZoneId.of("Europe/Oslo"));
    assertThat(details.metadata())
        .containsEntry(
            "order_date",
            ZonedDateTime.ofInstant(lateAtNight, adapterZone).toLocalDate().toString())
        .containsEntry("order_date", "2025-03-02");
  }

  private String dunningIn(DunningStatus status) {
    String order = "fp-order-" + status.name().toLowerCase(Locale.ROOT);
    String dunningId = rows.open(SeedRows.payment("frontpayment", order, "SUB-1"), FAILED_AT);
    Instant at = FAILED_AT.plus(Duration.ofDays(3));
    switch (status) {
      case ACTIVE -> {}
      case PAUSED ->
          rows.event(
              dunningId, "paused", LogEntry.of(at, LogTitle.PAUSED, "by an operator"), status);
      default ->
          rows.close(
              dunningId,
              new DunningResult(status, "ended " + status, at, 1),
              LogEntry.of(
                  at, status == DunningStatus.RECOVERED ? LogTitle.PAID : LogTitle.ENDED, "ended"));
    }
    return dunningId;
  }

  private FrontpaymentPaymentProvider adapter() {
    return new FrontpaymentPaymentProvider(
        new FrontpaymentProperties(
            "http://127.0.0.1:" + port,
            TestTokens.READER,
            adapterZone,
            Duration.ofSeconds(5),
            Duration.ofSeconds(20)),
        RestClient.builder(),
        new CredentialRefusals(new SimpleMeterRegistry()));
  }
}
