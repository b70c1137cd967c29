package com.example.dunning.api.seed;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.api.TestDatabase;
import com.example.dunning.api.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The API over real HTTP on a random port, reading a real PostgreSQL ({@link TestPostgres},
 * migrated with the worker's Flyway scripts), beside Temporal's in-process test server. The seed
 * tests share one application context, call with a read token and start each test from empty
 * tables.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=dunning-api", "spring.temporal.test-server.enabled=true"})
@TestPropertySource(TestTokens.PROPERTIES)
public abstract class SeedApiTest {

  @Value("${local.server.port}")
  private int port;

  protected SeedApiClient api;
  protected SeedRows rows;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
  }

  @BeforeEach
  void emptyTablesAndClient() {
    TestPostgres.truncateAll();
    api = new SeedApiClient("http://127.0.0.1:" + port);
    rows = new SeedRows(TestPostgres.dataSource());
  }
}
