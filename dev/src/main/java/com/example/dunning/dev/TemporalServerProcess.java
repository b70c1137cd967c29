package com.example.dunning.dev;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Temporal's test server (real time) in a JVM of its own, as a real Temporal server runs apart from
 * the service: for the benchmarks, so that the API's collections do not copy the server's workflows
 * and the intake's latency does not measure the server's heap; for the topology test, so that every
 * part is a process of its own.
 *
 * <p>Its stop-the-world collections are logged with the wall-clock time they ended, so that a
 * measured turn can count the ones that fell inside it ({@link #pausesWithin}).
 */
public final class TemporalServerProcess implements AutoCloseable {

  private static final String TEST_SERVER_MAIN = "io.temporal.testserver.TestServer";

  /** {@code [1764273000123ms] GC(28) Pause Young (Normal) (…) 335M->173M(456M) 151.256ms} */
  private static final Pattern PAUSE =
      Pattern.compile("^\\[(\\d+)ms\\].* Pause .* (\\d+(?:\\.\\d+)?)ms$");

  /** What pauses fell inside a span of time: how many, and the longest. */
  public record Pauses(int count, double longestMillis) {
    static final Pauses NONE = new Pauses(0, 0);

    public Pauses and(Pauses other) {
      return new Pauses(count + other.count, Math.max(longestMillis, other.longestMillis));
    }

    @Override
    public String toString() {
      return count == 0 ? "none" : "%d, longest %.0f ms".formatted(count, longestMillis);
    }
  }

  private final Process process;
  private final Path log;
  private final Path gcLog;

  private TemporalServerProcess(Process process, Path log, Path gcLog) {
    this.process = process;
    this.log = log;
    this.gcLog = gcLog;
  }

  /**
   * Starts the test server (real time, no skipping) on {@code port}, its output to {@code log} and
   * its collections next to it ({@code <log>.gc}), and waits until it listens.
   */
  public static TemporalServerProcess start(int port, List<String> jvmOptions, Path log)
      throws Exception {
    Path gcLog = log.resolveSibling(log.getFileName() + ".gc");
    List<String> options = new ArrayList<>(jvmOptions);
    options.add("-Xlog:gc:file=" + gcLog + ":timemillis");
    Process process =
        ChildJvm.start(TEST_SERVER_MAIN, options, List.of(Integer.toString(port)), log);
    TemporalServerProcess server = new TemporalServerProcess(process, log, gcLog);
    try {
      server.awaitListening(port, Duration.ofMinutes(1));
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
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

  /**
   * The server's stop-the-world pauses that overlapped the span from {@code fromMillis} to {@code
   * toMillis} (wall clock).
   */
  public Pauses pausesWithin(long fromMillis, long toMillis) throws IOException {
    Pauses pauses = Pauses.NONE;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher pause = PAUSE.matcher(line);
      if (pause.matches()) {
        long end = Long.parseLong(pause.group(1));
        double millis = Double.parseDouble(pause.group(2));
        if (end > fromMillis && end - millis < toMillis) {
          pauses = pauses.and(new Pauses(1, millis));
        }
      }
    }
    return pauses;
  }

  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** The server's output. */
  public Path log() {
    return log;
  }

  /** Its stop-the-world collections, one line each. */
  public Path gcLog() {
    return gcLog;
  }

  @Override
  public void close() {
    ChildJvm.stop(process);
  }
}
