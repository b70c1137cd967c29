package com.example.dunning.activities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class TestPostgresTest {

  @Test
  void givenTheMigrations_whenPostgresStarts_itHasTheDunningTables() {
    Integer tables =
        new JdbcTemplate(TestPostgres.dataSource())
            .queryForObject(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_name IN ('failed_invoice', 'payment_attempt', 'dunning_log',"
                    + " 'notification', 'package_expiry')",
                Integer.class);
    assertThat(tables).isEqualTo(5);
  }
}
