package com.example.dunning.activities;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real PostgreSQL for tests, one per JVM, migrated with the project's Flyway scripts. Started
 * from Maven Central's PostgreSQL binaries (zonky), so tests need no server installed.
 */
public final class TestPostgres {

  private static EmbeddedPostgres postgres;

  private TestPostgres() {}

  public static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
    }
    return postgres;
  }

  public static DataSource dataSource() {
    return server().getPostgresDatabase();
  }

  public static String jdbcUrl() {
    return server().getJdbcUrl("postgres", "postgres");
  }

  /** Empties every table, for a test that starts from nothing. */
  public static void truncateAll() {
    new JdbcTemplate(dataSource())
        .execute(
            "TRUNCATE failed_invoice, payment_attempt, dunning_log, notification, package_expiry,"
                + " reconciliation, customer_action RESTART IDENTITY CASCADE");
  }
}
