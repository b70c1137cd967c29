package com.example.dunning.bench;

import com.example.dunning.dev.DevPorts;
import com.example.dunning.dev.DevStack;
import com.example.dunning.dev.TemporalServerProcess;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The dev stack on free ports, with its in-process worker not polling: the benchmark's worker runs
 * in a process of its own ({@link com.example.dunning.dev.WorkerProcess}), and so does Temporal's
 * test server ({@link TemporalServerProcess}). The SMTP server is the benchmark's, so it can count
 * every message.
 */
final class BenchStack implements AutoCloseable {

  final DevPorts ports;
  final TemporalServerProcess temporal;
  final GreenMail smtp;
  final DevStack stack;
  final WorkflowClient client;
  final JdbcTemplate database;
  private final WorkflowServiceStubs service;

  private BenchStack(
      DevPorts ports,
      TemporalServerProcess temporal,
      GreenMail smtp,
      DevStack stack,
      WorkflowServiceStubs service) {
    this.ports = ports;
    this.temporal = temporal;
    this.smtp = smtp;
    this.stack = stack;
    this.service = service;
    this.client = WorkflowClient.newInstance(service);
    this.database =
        new JdbcTemplate(new DriverManagerDataSource(jdbcUrl(), "postgres", "postgres"));
  }

  static BenchStack start() throws Exception {
    DevPorts ports = DevPorts.free();
    TemporalServerProcess temporal =
        TemporalServerProcess.start(
            ports.temporal(),
            List.of(),
            Files.createTempFile("dunning-temporal-test-server", ".log"));
    DunningBench.log(
        "Temporal test server: log " + temporal.log() + ", its collections " + temporal.gcLog());
    GreenMail smtp = new GreenMail(new ServerSetup(ports.smtp(), "127.0.0.1", "smtp"));
    smtp.start();
    DevStack stack =
        new DevStack(
            ports,
            Map.of("SMTP_HOST", "127.0.0.1", "TEMPORAL_ADDRESS", "127.0.0.1:" + ports.temporal()));
    stack.start("--spring.temporal.start-workers=false", "--logging.level.root=WARN");
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + ports.temporal())
                .build());
    return new BenchStack(ports, temporal, smtp, stack, service);
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/postgres";
  }

  /** What a worker of this stack needs besides its policy. */
  List<String> workerSettings() {
    return new ArrayList<>(
        List.of(
            "--spring.temporal.connection.target=127.0.0.1:" + ports.temporal(),
            "--spring.datasource.url=" + jdbcUrl(),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + ports.smtp(),
            "--dunning.stripe.api-key=sk_test_dev_stack",
            "--dunning.stripe.api-base=http://127.0.0.1:" + ports.stripe(),
            "--dunning.stripe.smart-retries=false",
            "--logging.level.root=WARN"));
  }

  @Override
  public void close() {
    service.shutdownNow();
    stack.close();
    smtp.stop();
    temporal.close();
  }
}
