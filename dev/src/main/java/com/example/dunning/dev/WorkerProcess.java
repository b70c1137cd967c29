package com.example.dunning.dev;

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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worker in a JVM of its own: for the benchmarks, so that its heap and resident memory are its
 * own and not the dev stack's; for the reliability suite, so that it can be killed (SIGKILL) while
 * Temporal's server, PostgreSQL and SMTP live on in the caller's JVM.
 */
public final class WorkerProcess implements AutoCloseable {

  private static final String WORKER_MAIN = "com.example.dunning.worker.DunningWorkerApplication";
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private final Process process;
  private final int port;
  private final Path log;

  private WorkerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the worker with {@code settings} (Spring arguments) and waits until it is healthy. */
  public static WorkerProcess start(int port, List<String> settings) throws Exception {
    return start(port, List.of("-Xmx1g"), settings);
  }

  /**
   * Starts the worker with {@code jvmOptions} and {@code settings} (Spring arguments), on the
   * caller's class path, and waits until it is healthy.
   */
  public static WorkerProcess start(int port, List<String> jvmOptions, List<String> settings)
      throws Exception {
    List<String> arguments = new ArrayList<>(List.of("--server.port=" + port));
    arguments.addAll(settings);
    Path log = Files.createTempFile("dunning-worker-process", ".log");
    Process process = ChildJvm.start(WORKER_MAIN, jvmOptions, arguments, log);
    WorkerProcess worker = new WorkerProcess(process, port, log);
    worker.awaitHealthy(Duration.ofMinutes(2));
    return worker;
  }

  private void awaitHealthy(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the worker exited; see " + log);
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the worker did not become healthy; see " + log);
  }

  /**
   * Kills the worker as a crash or an OOM killer would (SIGKILL): no shutdown hook, no graceful
   * stop of its pollers or of the activities it is running.
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the worker " + process.pid() + " outlived SIGKILL");
    }
  }

  /**
   * Stops the worker as a deploy does (SIGTERM): Spring's graceful shutdown runs and the Temporal
   * workers stop polling.
   *
   * @return the process's exit code
   * @throws IllegalStateException when it is still running {@code within} after the signal
   */
  public int stopGracefully(Duration within) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          "the worker " + process.pid() + " did not stop within " + within + " of SIGTERM");
    }
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Heap in use after a full collection, in MiB. */
  public double heapAfterGcMib() throws Exception {
    jcmd("GC.run");
    Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
    if (!used.find()) {
      throw new IllegalStateException("no heap figure from jcmd");
    }
    return Long.parseLong(used.group(1)) / 1024.0;
  }

  /** Resident set size of the worker's process, in MiB. */
  public double rssMib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no VmRSS for the worker");
  }

  public Path log() {
    return log;
  }

  /** The worker's process, for the benchmark to read its CPU time and profile it. */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  /**
   * Runs a diagnostic command in the worker ({@code jcmd <pid> <command…>}, e.g. {@code JFR.start
   * …}) and returns its output.
   */
  public String jcmd(String... command) throws Exception {
    Path jcmd =
        Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
    List<String> line =
        new ArrayList<>(
            List.of(
                Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", Long.toString(process.pid())));
    line.addAll(List.of(command));
    Process run = new ProcessBuilder(line).redirectErrorStream(true).start();
    String out = new String(run.getInputStream().readAllBytes());
    if (!run.waitFor(1, TimeUnit.MINUTES) || run.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + line + " failed: " + out);
    }
    return out;
  }

  @Override
  public void close() {
    ChildJvm.stop(process);
  }
}
