package com.example.dunning.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.api.ApiCaller;
import com.example.dunning.api.DunningApiApplication;
import com.example.dunning.api.dunnings.RunningDunnings;
import com.example.dunning.api.security.TestTokens;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two API instances on one PostgreSQL and one Temporal, as behind a load balancer: a user signed in
 * on the first acts on a dunning through the second with the same session cookie. Only the first
 * runs the dunning workflow; the second only starts and signals, as the API does.
 */
class DashboardSessionsTest {

  private static TestServer.PortBoundTestServer temporal;
  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;

  @BeforeAll
  static void startTwoApis() {
    int temporalPort = freePort();
    temporal = TestServer.createPortBoundServer(temporalPort);
    first = startApi(temporalPort, true);
    second = startApi(temporalPort, false);
  }

  @AfterAll
  static void stopTwoApis() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
    if (temporal != null) {
      temporal.close();
    }
  }

  @Test
  void givenASignInOnTheFirstApi_whenTheSecondIsAskedToPause_itShouldPauseAsTheSameUser() {
    String invoice = IntakeDunnings.open(new ApiCaller(port(first), TestTokens.RESOLVER), "lb");
    DashboardBrowser browser = new DashboardBrowser();

    HttpResponse<String> signedIn = browser.signIn(port(first), TestTokens.RESOLVER);
    String page = browser.get(port(second), "/dashboard/dunnings/" + invoice);
    HttpResponse<String> paused =
        browser.post(
            port(second), "/dashboard/dunnings/" + invoice + "/pause", page, Map.of("until", ""));

    assertThat(signedIn.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/dashboard"));
    assertThat(browser.cookie("SESSION")).isNotBlank();
    assertThat(page).contains("id=\"pause\"");
    assertThat(paused.statusCode()).isEqualTo(302);
    assertThat(browser.get(port(second), "/dashboard/dunnings/" + invoice))
        .contains("id=\"done\"")
        .contains("PAUSED");
    assertThat(
            IntakeDunnings.JSON
                .readTree(
                    new ApiCaller(port(first), TestTokens.READER)
                        .get("/api/v1/dunnings/" + invoice)
                        .body())
                .at("/live/status")
                .asString())
        .isEqualTo("PAUSED");
    assertThat(
            new JdbcTemplate(TestPostgres.dataSource())
                .queryForObject(
                    "SELECT count(*) FROM spring_session WHERE principal_name = 'alice'",
                    Integer.class))
        .isPositive();
  }

  @Test
  void givenNoSignIn_whenTheSecondApiIsAsked_itShouldSendTheBrowserToSignIn() {
    DashboardBrowser browser = new DashboardBrowser();
    browser.get(port(first), "/dashboard/login");

    HttpResponse<String> refused = browser.fetch(port(second), "/dashboard");

    assertThat(browser.cookie("SESSION")).isNotBlank();
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/dashboard/login"));
  }

  /** Settings as command-line arguments, which outrank dunning-api.yml as the environment does. */
  private static ConfigurableApplicationContext startApi(int temporalPort, boolean runsWorkflows) {
    Properties settings = testTokens();
    settings.setProperty("server.port", "0");
    settings.setProperty("spring.temporal.connection.target", "127.0.0.1:" + temporalPort);
    settings.setProperty("spring.datasource.url", TestPostgres.jdbcUrl());
    settings.setProperty("spring.datasource.username", "postgres");
    settings.setProperty("spring.datasource.password", "postgres");
    SpringApplicationBuilder api =
        new SpringApplicationBuilder(DunningApiApplication.class)
            .properties(DunningApiApplication.CONFIG_NAME);
    if (runsWorkflows) {
      api.sources(RunningDunnings.class);
      for (String worker :
          List.of(RunningDunnings.WORKER_1, RunningDunnings.WORKER_2, RunningDunnings.WORKER_3)) {
        String[] pair = worker.split("=", 2);
        settings.setProperty(pair[0], pair[1]);
      }
    }
    return api.run(
        settings.stringPropertyNames().stream()
            .map(name -> "--" + name + "=" + settings.getProperty(name))
            .toArray(String[]::new));
  }

  private static Properties testTokens() {
    try {
      return PropertiesLoaderUtils.loadProperties(
          new ClassPathResource(TestTokens.PROPERTIES.substring("classpath:".length())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int port(ConfigurableApplicationContext api) {
    return ((WebServerApplicationContext) api).getWebServer().getPort();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
