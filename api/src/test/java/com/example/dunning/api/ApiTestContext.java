package com.example.dunning.api;

import com.example.dunning.api.dunnings.RunningDunnings;
import com.example.dunning.api.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The API over real HTTP with the tests' tokens, the real dunning workflow running on Temporal's
 * test server and its records in PostgreSQL ({@link RunningDunnings}). The test classes that extend
 * it share one application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=dunning-api",
      "spring.temporal.test-server.enabled=true",
      RunningDunnings.WORKER_1,
      RunningDunnings.WORKER_2,
      RunningDunnings.WORKER_3
    })
@TestPropertySource(TestTokens.PROPERTIES)
@Import(RunningDunnings.class)
public abstract class ApiTestContext {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
  }

  @Value("${local.server.port}")
  protected int port;

  /** Holds no token. */
  protected ApiCaller anonymous;

  /** Holds a resolve token named alice. */
  protected ApiCaller alice;

  /** Holds a read token named reporting. */
  protected ApiCaller reporting;

  @BeforeEach
  void callers() {
    anonymous = new ApiCaller(port, null);
    alice = anonymous.as(TestTokens.RESOLVER);
    reporting = anonymous.as(TestTokens.READER);
  }
}
