package com.example.dunning.reliability.topology;

import com.example.dunning.dev.FreePorts;
import com.example.dunning.dev.TemporalServerProcess;
import com.example.dunning.reliability.support.ProviderApis;
import com.example.dunning.reliability.support.SmtpCatcher;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service as a team runs it in production, every part its own process on this machine: Temporal
 * (its Java test server in a JVM of its own, or the server at {@code TEMPORAL_ADDRESS}), the
 * machine's PostgreSQL server on a fresh cluster, two workers and two APIs from their executable
 * jars configured by environment variables only; SMTP (GreenMail) and the Stripe and Twilio APIs
 * (WireMock) in the test's JVM. The two workers are started at the same moment on the empty
 * database.
 */
final class Topology implements AutoCloseable {

  static final String WEBHOOK_SECRET = "whsec_topology";
  static final int WORKERS = 2;
  static final int APIS = 2;

  private static final Pattern EXEC_JAR = Pattern.compile("^(worker|api)-.+-exec\\.jar$");

  final String temporalAddress;
  final boolean temporalOwn;
  final PostgresServer postgres;
  final JdbcTemplate database;
  final SmtpCatcher smtp;
  final ProviderApis providers;
  final WorkflowClient client;
  final List<ServiceJar> workers = new ArrayList<>();
  final List<ServiceJar> apis = new ArrayList<>();
  private final List<AutoCloseable> started = new ArrayList<>();
  private boolean closed;

  private Topology(String temporalAddress, boolean temporalOwn, PostgresServer postgres)
      throws Exception {
    this.temporalAddress = temporalAddress;
    this.temporalOwn = temporalOwn;
    this.postgres = postgres;
    this.database = postgres.service();
    smtp = new SmtpCatcher(FreePorts.one());
    smtp.start();
    started.add(smtp);
    providers = new ProviderApis();
    providers.listNoInvoices();
    started.add(providers);
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporalAddress).build());
    started.add(service::shutdownNow);
    client = WorkflowClient.newInstance(service);
  }

  /** Starts every part, the two workers at the same moment, and waits until all are ready. */
  static Topology start() throws Exception {
    List<AutoCloseable> begun = new ArrayList<>();
    try {
      PostgresServer postgres = PostgresServer.start();
      begun.add(postgres);
      String given = System.getenv("TEMPORAL_ADDRESS");
      boolean own = given == null || given.isBlank();
      String address = own ? "127.0.0.1:" + FreePorts.one() : given.strip();
      if (own) {
        begun.add(startTestServer(Integer.parseInt(address.substring(address.indexOf(':') + 1))));
      }
      Topology topology = new Topology(address, own, postgres);
      topology.started.addAll(0, begun);
      begun.clear();
      begun.add(topology);
      // A test JVM that ends early must not leave servers and service processes behind.
      Runtime.getRuntime().addShutdownHook(new Thread(topology::close, "topology-stop"));
      for (int i = 1; i <= WORKERS; i++) {
        topology.workers.add(topology.launchWorker("worker-" + i, FreePorts.one()));
      }
      topology.workers.forEach(ServiceJar::awaitReady);
      for (int i = 1; i <= APIS; i++) {
        topology.apis.add(topology.launchApi("api-" + i, FreePorts.one()));
      }
      topology.apis.forEach(ServiceJar::awaitReady);
      return topology;
    } catch (Exception | Error e) {
      for (int i = begun.size() - 1; i >= 0; i--) {
        begun.get(i).close();
      }
      throw e;
    }
  }

  /** Temporal's test server (real time) in a JVM of its own, as the benchmarks run it. */
  private static AutoCloseable startTestServer(int port) throws Exception {
    Path log = Files.createDirectories(ServiceJar.LOGS).resolve("temporal.log");
    return TemporalServerProcess.start(port, List.of("-Xmx512m"), log);
  }

  /** Launches a worker; {@link ServiceJar#awaitReady} waits for it. */
  ServiceJar launchWorker(String name, int port) throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("WORKER_PORT", Integer.toString(port));
    env.put("TEMPORAL_ADDRESS", temporalAddress);
    env.putAll(datasource());
    env.put("SMTP_HOST", "127.0.0.1");
    env.put("SMTP_PORT", Integer.toString(smtp.port()));
    env.put("STRIPE_API_KEY", "sk_test_topology");
    env.put("STRIPE_API_BASE", providers.baseUrl());
    // The stand-in never retries a charge by itself, so the dunning does.
    env.put("STRIPE_SMART_RETRIES", "false");
    env.put("TWILIO_BASE_URL", providers.baseUrl());
    env.put("TWILIO_ACCOUNT_SID", ProviderApis.TWILIO_ACCOUNT);
    env.put("TWILIO_AUTH_TOKEN", "topology");
    env.put("TWILIO_FROM", "+15550000000");
    // The storm's schedule: the first notice at once, the next step an hour away, no quiet hours
    // (the suite runs at any hour), so that each dunning has sent exactly its first notice.
    env.put("DUNNING_POLICY_VERSION", "topology-v1");
    env.put("DUNNING_POLICY_RESTOREWINDOW", "PT1H");
    env.put("DUNNING_POLICY_QUIETHOURSSTART", "");
    env.put("DUNNING_POLICY_QUIETHOURSEND", "");
    step(env, 0, "notice", "PT0S", "EMAIL,SMS", "NOTICE");
    step(env, 1, "retry-1", "PT1H", "RETRY_CHARGE,EMAIL", "REMINDER");
    step(env, 2, "expire", "PT1H", "EXPIRE_PACKAGE,EMAIL", "EXPIRED");
    return ServiceJar.launch(name, jar("worker"), port, env);
  }

  /**
   * Launches API {@code number} ({@code name} tells its log apart from an earlier run's); {@link
   * ServiceJar#awaitReady} waits for it.
   */
  ServiceJar launchApi(String name, int port) throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("PORT", Integer.toString(port));
    env.put("TEMPORAL_ADDRESS", temporalAddress);
    env.putAll(datasource());
    env.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
    return ServiceJar.launch(name, jar("api"), port, env);
  }

  private Map<String, String> datasource() {
    return Map.of(
        "SPRING_DATASOURCE_URL", postgres.jdbcUrl(postgres.database),
        "SPRING_DATASOURCE_USERNAME", postgres.user,
        "SPRING_DATASOURCE_PASSWORD", postgres.password);
  }

  private static void step(
      Map<String, String> env,
      int index,
      String name,
      String delay,
      String actions,
      String notice) {
    String prefix = "DUNNING_POLICY_STEPS_" + index + "_";
    env.put(prefix + "NAME", name);
    env.put(prefix + "DELAY", delay);
    env.put(prefix + "ACTIONS", actions);
    env.put(prefix + "NOTICE", notice);
  }

  /** {@code <module>/target/<module>-<version>-exec.jar}, as the reactor packaged it. */
  private static Path jar(String module) throws IOException {
    Path target = Path.of("..", module, "target").toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        List<Path> jars =
            files
                .filter(file -> EXEC_JAR.matcher(file.getFileName().toString()).matches())
                .filter(file -> file.getFileName().toString().startsWith(module + "-"))
                .toList();
        if (jars.size() == 1) {
          return jars.get(0);
        }
      }
    }
    throw new IllegalStateException(
        "no single "
            + module
            + "-<version>-exec.jar in "
            + target
            + ": the topology test runs the packaged jars; run it with ./mvnw -B verify (or -pl"
            + " workflows,activities,worker,api,dev,reliability)");
  }

  /** Stops every process and server; once only, from the test or from the JVM's exit. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (ServiceJar api : apis) {
      api.close();
    }
    for (ServiceJar worker : workers) {
      worker.close();
    }
    Exception failed = null;
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        failed = failed == null ? e : failed;
      }
    }
    if (failed != null) {
      throw new IllegalStateException("the topology did not stop cleanly", failed);
    }
  }
}
