package com.example.dunning.bench;

import com.example.dunning.dev.DevStack;
import com.example.dunning.dev.TemporalServerProcess;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Signed {@code invoice.payment_failed} deliveries for distinct invoices against starting the same
 * workflows straight from a {@code WorkflowClient}, on the same Temporal server, with no worker
 * polling (the workflows only have to be started). Every call is for a new invoice.
 */
final class IntakeBenchmark {

  static final int THREADS = Integer.getInteger("bench.connections", 32);
  private static final int TURNS = 4;

  /**
   * @param peakPauses the Temporal test server's GC pauses that fell inside the peak turns
   * @param halfPauses the same inside the turns at half the peak rate
   */
  record Result(
      Latencies directPeak,
      Latencies webhookPeak,
      double halfRate,
      Latencies directHalf,
      Latencies webhookHalf,
      TemporalServerProcess.Pauses peakPauses,
      TemporalServerProcess.Pauses halfPauses) {}

  private final BenchStack stack;

  private final Map<String, TemporalServerProcess.Pauses> serverPauses = new HashMap<>();

  /**
   * Kept-alive connections, each used by one call at a time and kept for the next turn: a turn that
   * opened its own would measure TCP handshakes and Tomcat starting threads for them.
   */
  private final Queue<WebhookConnection> connections = new ConcurrentLinkedQueue<>();

  IntakeBenchmark(BenchStack stack) {
    this.stack = stack;
  }

  /**
   * Runs both paths in turns (direct then webhook, then webhook then direct, …) so that neither
   * gets the quieter moments of a shared machine, or a server with fewer workflows in it.
   */
  Result run(int warmUp, int count) throws Exception {
    warm(warmUp);
    Latencies[] peak = turns(count, "peak", 0);
    DunningBench.log("CPU per call at peak, direct:" + peak[0].cpuPerCallByGroup(0.01));
    DunningBench.log("CPU per call at peak, webhook:" + peak[1].cpuPerCallByGroup(0.01));
    double half = Math.min(peak[0].perSecond(), peak[1].perSecond()) / 2;
    warmAtRate(half);
    int halfCount = (int) Math.max(200, half * 12); // about twelve seconds each
    Latencies[] halfPeak = turns(halfCount, "half", half);
    return new Result(
        peak[0],
        peak[1],
        half,
        halfPeak[0],
        halfPeak[1],
        serverPauses.get("peak"),
        serverPauses.get("half"));
  }

  /**
   * Only the baseline of the scale part: direct starts, warmed up with {@code warmUp} calls, then
   * {@code count} flat out ({@code -Dbench.parts=scale}).
   */
  Latencies directOnly(int warmUp, int count) throws InterruptedException {
    for (int done = 0; done < warmUp; done += 2000) {
      int n = Math.min(2000, warmUp - done);
      turnLog(
          "direct",
          "warm",
          Load.flatOut(stack.temporal.handle(), n, THREADS, i -> direct("warm", i % 64)));
    }
    Latencies run = load(count, 0, i -> direct("scale-baseline", i));
    turnLog("direct", "baseline", run);
    return run;
  }

  /**
   * Warms both paths up with {@code count} calls each, in rounds, for a few invoices delivered
   * again and again: the same code runs (verify, route, signal-with-start, answer), but no new
   * workflow is started, so the server is the same for the measured runs however long this takes.
   * The JIT compiles a method fully after some thousands of calls; a long-running API is measured
   * only once it has.
   */
  private void warm(int count) throws InterruptedException {
    if (count == 0) {
      return;
    }
    int rounds = Math.max(1, count / 2000);
    for (int round = 0; round < rounds; round++) {
      int n = count / rounds;
      byte[][] warm = deliveries("warm", 64);
      turnLog(
          "webhook",
          "warm" + round,
          Load.flatOut(stack.temporal.handle(), n, THREADS, i -> webhook(warm[i % 64])));
      turnLog(
          "direct",
          "warm" + round,
          Load.flatOut(stack.temporal.handle(), n, THREADS, i -> direct("warm", i % 64)));
    }
  }

  /**
   * The open loop's threads wait between calls, and the JIT's code for a server that idles between
   * calls is not the code it compiled flat out: twelve seconds of each path at the measured rate.
   */
  private void warmAtRate(double rate) throws InterruptedException {
    int count = (int) Math.max(100, rate * 12);
    byte[][] warm = deliveries("warm", 64);
    turnLog("webhook", "warm-half", load(count, rate, i -> webhook(warm[i % 64])));
    turnLog("direct", "warm-half", load(count, rate, i -> direct("warm", i % 64)));
  }

  /**
   * @param rate 0 for flat out
   * @return direct, then webhook
   */
  private Latencies[] turns(int count, String phase, double rate) throws Exception {
    Latencies direct = null;
    Latencies hook = null;
    int perTurn = count / TURNS;
    for (int turn = 0; turn < TURNS; turn++) {
      String name = phase + turn;
      for (int path = 0; path < 2; path++) {
        boolean directFirst = turn % 2 == 0;
        if ((path == 0) == directFirst) {
          Latencies run = measured("direct", phase, turn, perTurn, rate, i -> direct(name, i));
          direct = direct == null ? run : direct.and(run);
        } else {
          byte[][] deliveries = deliveries(name, perTurn);
          Latencies run =
              measured("webhook", phase, turn, perTurn, rate, i -> webhook(deliveries[i]));
          hook = hook == null ? run : hook.and(run);
        }
      }
    }
    return new Latencies[] {direct, hook};
  }

  /**
   * One measured turn, with the test server's stop-the-world pauses that fell inside it: a stand-in
   * written in Java, whose young collections copy the workflows started since the last one and scan
   * those it already holds, where a real Temporal server, in Go, collects concurrently. Every call
   * due meanwhile waits, whichever path it took.
   */
  private Latencies measured(
      String path, String phase, int turn, int count, double rate, Load.Call call)
      throws Exception {
    long from = System.currentTimeMillis();
    Latencies run = load(count, rate, call);
    TemporalServerProcess.Pauses pauses =
        stack.temporal.pausesWithin(from, System.currentTimeMillis());
    serverPauses.merge(phase, pauses, TemporalServerProcess.Pauses::and);
    turnLog(path, phase + turn, run);
    DunningBench.log(
        "%s%d %s: test server GC pauses inside: %s".formatted(phase, turn, path, pauses));
    return run;
  }

  private static void turnLog(String path, String turn, Latencies run) {
    DunningBench.log(
        "%s %s: %.0f/s, p99 %.1f ms; per call CPU %.2f ms here + %.2f ms server, heap %.0f KiB"
            .formatted(
                turn,
                path,
                run.perSecond(),
                run.millis(99),
                run.cpuMillisPerCall(),
                run.serverCpuMillisPerCall(),
                run.allocatedKibPerCall()));
  }

  private Latencies load(int count, double rate, Load.Call call) throws InterruptedException {
    ProcessHandle server = stack.temporal.handle();
    return rate == 0
        ? Load.flatOut(server, count, THREADS, call)
        : Load.atRate(server, count, THREADS * 2, rate, call);
  }

  private boolean direct(String phase, int index) {
    Invoices.signalWithStart(stack.client, "in_direct_" + phase + "_" + index);
    return true;
  }

  /**
   * Signed {@code invoice.payment_failed} deliveries for invoices {@code in_hook_<phase>_<i>},
   * built before the turn that sends them.
   */
  private byte[][] deliveries(String phase, int count) {
    WebhookConnection endpoint = newConnection(); // builds the bytes; never connects
    byte[][] requests = new byte[count][];
    for (int i = 0; i < count; i++) {
      String[] signed =
          Invoices.signedPaymentFailed("in_hook_" + phase + "_" + i, DevStack.DEV_WEBHOOK_SECRET);
      requests[i] = endpoint.request(signed[0], signed[1]);
    }
    return requests;
  }

  private boolean webhook(byte[] delivery) throws Exception {
    WebhookConnection connection = connections.poll();
    if (connection == null) {
      connection = newConnection();
    }
    try {
      return connection.post(delivery) == 200;
    } catch (IOException e) {
      connection.close();
      throw e;
    } finally {
      connections.add(connection);
    }
  }

  private WebhookConnection newConnection() {
    return new WebhookConnection("127.0.0.1", stack.ports.api(), "/webhooks/stripe");
  }
}
