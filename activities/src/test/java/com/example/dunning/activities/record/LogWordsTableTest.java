package com.example.dunning.activities.record;

import static com.example.dunning.activities.DunningFixtures.DUNNING_ID;
import static com.example.dunning.activities.DunningFixtures.FAILED_AT;
import static com.example.dunning.activities.DunningFixtures.open;
import static com.example.dunning.activities.DunningFixtures.payment;
import static com.example.dunning.activities.DunningFixtures.policies;
import static com.example.dunning.activities.DunningFixtures.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.workflows.model.EntryStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import java.sql.Timestamp;
import java.util.Arrays;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The log table takes every word of {@link LogTitle} and {@link EntryStatus} and refuses any other
 * (migration V7), so what the API reads back is always one of the enums.
 */
class LogWordsTableTest {

  private JdbcTemplate jdbc;
  private DunningTables tables;

  @BeforeEach
  void setUp() {
    TestPostgres.truncateAll();
    DataSource dataSource = TestPostgres.dataSource();
    jdbc = new JdbcTemplate(dataSource);
    tables = new DunningTables(jdbc);
    new DunningRecords(tables, policies(true), transaction(dataSource))
        .openDunning(open(payment()));
  }

  @Test
  void givenEveryTitleAndStatus_whenLogged_itShouldBeStoredAsItsWords() {
    int n = 0;
    for (LogTitle title : LogTitle.values()) {
      for (EntryStatus status : EntryStatus.values()) {
        tables.insertLog(
            DUNNING_ID + ":words:" + ++n,
            DUNNING_ID,
            new LogEntry(FAILED_AT, title, "note", status, null, null));
      }
    }

    assertThat(
            jdbc.queryForList(
                "SELECT DISTINCT title FROM dunning_log WHERE record_key LIKE '%:words:%'",
                String.class))
        .containsExactlyInAnyOrder(
            Arrays.stream(LogTitle.values()).map(LogTitle::text).toArray(String[]::new));
  }

  @Test
  void givenAWordOutsideTheEnums_whenWritten_itShouldBeRefused() {
    assertThatThrownBy(() -> insert("ORDER RESENT", "SUCCESS"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("dunning_log_title");
    assertThatThrownBy(() -> insert("PAID", "DONE"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("dunning_log_status");
  }

  private void insert(String title, String status) {
    jdbc.update(
        "INSERT INTO dunning_log (record_key, dunning_id, title, logged_at, status)"
            + " VALUES (?, ?, ?, ?, ?)",
        DUNNING_ID + ":raw",
        DUNNING_ID,
        title,
        Timestamp.from(FAILED_AT),
        status);
  }
}
