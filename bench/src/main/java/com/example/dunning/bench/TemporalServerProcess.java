package com.example.dunning.bench;

import com.example.dunning.dev.ChildJvm;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Temporal's test server in a JVM of its own, as a real Temporal server runs apart from the API: in
 * the API's JVM it kept every workflow in the API's heap, so each of the API's young collections
 * copied the server's new workflows too, and the intake's latency measured the server's heap.
 */
final class TemporalServerProcess implements AutoCloseable {

  private static final String TEST_SERVER_MAIN = "io.temporal.testserver.TestServer";

  private final Process process;
  private final Path log;

  private TemporalServerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts the test server (real time, no skipping) on {@code port} and waits until it listens. */
  static TemporalServerProcess start(int port) throws Exception {
    Path log = Files.createTempFile("dunning-temporal-test-server", ".log");
    Path gcLog = Files.createTempFile("dunning-temporal-test-server-gc", ".log");
    Process process =
        ChildJvm.start(
            TEST_SERVER_MAIN,
            List.of("-Xlog:gc:file=" + gcLog),
            List.of(Integer.toString(port)),
            log);
    DunningBench.log("Temporal test server: log " + log + ", its collections " + gcLog);
    TemporalServerProcess server = new TemporalServerProcess(process, log);
    server.awaitListening(port, Duration.ofMinutes(1));
    return server;
  }

  private void awaitListening(int port, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Temporal test server exited; see " + log);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("the Temporal test server did not listen; see " + log);
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  @Override
  public void close() {
    ChildJvm.stop(process);
  }
}
