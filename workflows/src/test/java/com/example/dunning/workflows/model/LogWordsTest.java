package com.example.dunning.workflows.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The words of the log as histories, the database and the seed APIs hold them: renaming a constant
 * must not change them.
 */
class LogWordsTest {

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
  }

  @Test
  void givenAnEntryMadeFromTheEnums_itShouldHoldTheirWords() {
    LogEntry entry =
        new LogEntry(
            Instant.EPOCH, LogTitle.EMAIL_NOT_SENT, "no address", EntryStatus.SKIPPED, null, null);

    assertThat(entry.title()).isEqualTo("EMAIL NOT SENT");
    assertThat(entry.status()).isEqualTo("SKIPPED");
    assertThat(entry.is(LogTitle.EMAIL_NOT_SENT)).isTrue();
    assertThat(LogEntry.of(Instant.EPOCH, LogTitle.PAID, "by alice").status()).isEqualTo("SUCCESS");
  }
}
