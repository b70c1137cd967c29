package com.example.dunning.workflows.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The words of the log as histories, the database and the seed APIs hold them: renaming a constant
 * must not change them, and an entry's JSON in a recorded payload must still read.
 */
class LogWordsTest {

  /** An entry as the payloads of recorded histories hold it. */
  private static final String RECORDED =
      """
      {"at":"2026-01-02T03:04:05Z","title":"EMAIL NOT SENT","note":"no address",\
      "status":"SKIPPED","sentTo":null,"paymentMethod":null}""";

  @Test
  void givenEveryLogTitle_itShouldKeepTheWordsTheDatabaseHolds() {
    assertThat(Arrays.stream(LogTitle.values()).map(LogTitle::text))
        .containsExactly(
            "PAYMENT FAILED",
            "RETRY FAILED",
            "RETRY SUCCEEDED",
            "EMAIL SENT",
            "EMAIL NOT SENT",
            "SMS SENT",
            "SMS NOT SENT",
            "PAYMENT METHOD UPDATED",
            "PAUSED",
            "RESUMED",
            "PACKAGE EXPIRED",
            "PACKAGE RESTORED",
            "PAID",
            "CANCELLED",
            "ENDED",
            "DEFERRED");
    assertThat(Arrays.stream(EntryStatus.values()).map(EntryStatus::name))
        .containsExactly("SUCCESS", "FAILED", "SKIPPED");
  }

  @Test
  void givenAnEntry_itsJsonShouldHoldTheWordsAsRecordedHistoriesDo() {
    LogEntry entry =
        new LogEntry(
            Instant.parse("2026-01-02T03:04:05Z"),
            LogTitle.EMAIL_NOT_SENT,
            "no address",
            EntryStatus.SKIPPED,
            null,
            null);

    Payload payload = DefaultDataConverter.STANDARD_INSTANCE.toPayload(entry).orElseThrow();

    assertThat(payload.getData().toStringUtf8()).isEqualTo(RECORDED);
  }

  @Test
  void givenARecordedEntry_itShouldReadAsTheEnums() {
    LogEntry entry = read(RECORDED);

    assertThat(entry.title()).isEqualTo(LogTitle.EMAIL_NOT_SENT);
    assertThat(entry.status()).isEqualTo(EntryStatus.SKIPPED);
  }

  @Test
  void givenEveryTitle_itShouldReadBackFromItsWords() {
    for (LogTitle title : LogTitle.values()) {
      assertThat(LogTitle.of(title.text())).isEqualTo(title);
    }
  }

  @Test
  void givenAWordThatIsNoTitle_itShouldBeRefusedByName() {
    assertThatThrownBy(() -> LogTitle.of("EMAIL_SENT"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"EMAIL_SENT\"");
    assertThatThrownBy(() -> read(RECORDED.replace("EMAIL NOT SENT", "FAXED")))
        .isInstanceOf(DataConverterException.class);
  }

  private static LogEntry read(String json) {
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFromUtf8(json))
            .build();
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
        payload, LogEntry.class, LogEntry.class);
  }
}
