package com.example.dunning.reliability.topology;

import static org.awaitility.Awaitility.await;

import com.example.dunning.dev.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the service's executable jars ({@code worker-…-exec.jar}, {@code api-…-exec.jar}) run as
 * production runs it: {@code java -jar}, configured by environment variables only (the test JVM's
 * own environment is not passed on), on its own port.
 */
final class ServiceJar implements AutoCloseable {

  /** Small heaps and the quick compiler: six JVMs share two cores. */
  private static final List<String> JVM_OPTIONS =
      List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** Where each process writes its output, kept after the run for a look at what it did. */
  static final Path LOGS = Path.of("target", "topology").toAbsolutePath();

  /** What a process needs from the machine, not from the service's configuration. */
  private static final List<String> MACHINE_VARIABLES = List.of("PATH", "HOME", "TMPDIR", "LANG");

  final String name;
  final int port;
  final Path log;
  private final Process process;

  private ServiceJar(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** Launches the jar and returns at once; {@link #awaitHealthy} waits for it. */
  static ServiceJar launch(String name, Path jar, int port, Map<String, String> environment)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: the topology test runs the packaged jars (./mvnw -B verify)");
    }
    Path log = Files.createDirectories(LOGS).resolve(name + ".log");
    List<String> command =
        new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().retainAll(MACHINE_VARIABLES);
    env.putAll(environment);
    return new ServiceJar(name, port, log, builder.start());
  }

  /**
   * Waits until {@code /actuator/health/readiness} answers 200, which it does once the start-up
   * runners have run (migrations, search attributes, the reconciliation's start); fails at once if
   * the process exits.
   */
  ServiceJar awaitReady() {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(10))
            .build();
    await(name + " ready (log " + log + ")")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsInstanceOf(IOException.class)
        .failFast(name + " exited (log " + log + ")", () -> !process.isAlive())
        .until(() -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    return this;
  }

  /** Kills the process as a crash or the OOM killer would (SIGKILL): no shutdown at all. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " outlived SIGKILL");
    }
  }

  /** Stops the process as a deployment does (SIGTERM, Spring's graceful shutdown), and waits. */
  void stop() {
    ChildJvm.stop(process);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  String logText() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }
}
