package com.example.dunning.api;

import com.example.dunning.activities.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points the API at the tests' PostgreSQL, migrated by the worker's Flyway scripts. Every API test
 * context needs it: the API reads the records, and its health includes the database.
 */
public final class TestDatabase {

  private TestDatabase() {}

  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestPostgres::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }
}
