package com.example.dunning.bench;

import com.example.dunning.dev.DevStack;
import java.io.IOException;

/**
 * Signed {@code invoice.payment_failed} deliveries for distinct invoices against starting the same
 * workflows straight from a {@code WorkflowClient}, on the same Temporal server, with no worker
 * polling (the workflows only have to be started). Every call is for a new invoice.
 */
final class IntakeBenchmark {

  static final int THREADS = Integer.getInteger("bench.connections", 32);
  private static final int TURNS = 4;

  record Result(
      Latencies directPeak,
      Latencies webhookPeak,
      double halfRate,
      Latencies directHalf,
      Latencies webhookHalf) {}

  private final BenchStack stack;

  /** One kept-alive connection per load thread. */
  private final ThreadLocal<WebhookConnection> connections;

  IntakeBenchmark(BenchStack stack) {
    this.stack = stack;
    int port = stack.ports.api();
    this.connections =
        ThreadLocal.withInitial(() -> new WebhookConnection("127.0.0.1", port, "/webhooks/stripe"));
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
    int halfCount = (int) Math.max(200, half * 12); // about twelve seconds each
    Latencies[] halfPeak = turns(halfCount, "half", half);
    return new Result(peak[0], peak[1], half, halfPeak[0], halfPeak[1]);
  }

  /**
   * Warms both paths up with {@code count} calls each, in rounds, for a few invoices delivered
   * again and again: the same code runs (verify, route, signal-with-start, answer), but no new
   * workflow is started, so the server is the same for the measured runs however long this takes.
   * The JIT compiles a method fully after some thousands of calls; a long-running API is measured
   * only once it has.
   */
  private void warm(int count) throws InterruptedException {
    int rounds = Math.max(1, count / 2000);
    for (int round = 0; round < rounds; round++) {
      int n = count / rounds;
      turnLog("webhook", "warm" + round, Load.flatOut(n, THREADS, i -> webhook("warm", i % 64)));
      turnLog("direct", "warm" + round, Load.flatOut(n, THREADS, i -> direct("warm", i % 64)));
    }
  }

  /**
   * @param rate 0 for flat out
   * @return direct, then webhook
   */
  private Latencies[] turns(int count, String phase, double rate) throws InterruptedException {
    Latencies direct = null;
    Latencies hook = null;
    int perTurn = count / TURNS;
    for (int turn = 0; turn < TURNS; turn++) {
      String name = phase + turn;
      for (int path = 0; path < 2; path++) {
        boolean directFirst = turn % 2 == 0;
        if ((path == 0) == directFirst) {
          Latencies run = load(perTurn, rate, i -> direct(name, i));
          turnLog("direct", name, run);
          direct = direct == null ? run : direct.and(run);
        } else {
          Latencies run = load(perTurn, rate, i -> webhook(name, i));
          turnLog("webhook", name, run);
          hook = hook == null ? run : hook.and(run);
        }
      }
    }
    return new Latencies[] {direct, hook};
  }

  private static void turnLog(String path, String turn, Latencies run) {
    DunningBench.log(
        "%s %s: %.0f/s, p99 %.1f ms, CPU %.2f ms per call"
            .formatted(turn, path, run.perSecond(), run.millis(99), run.cpuMillisPerCall()));
  }

  private static Latencies load(int count, double rate, Load.Call call)
      throws InterruptedException {
    return rate == 0
        ? Load.flatOut(count, THREADS, call)
        : Load.atRate(count, THREADS * 2, rate, call);
  }

  private boolean direct(String phase, int index) {
    Invoices.signalWithStart(stack.client, "in_direct_" + phase + "_" + index);
    return true;
  }

  private boolean webhook(String phase, int index) throws Exception {
    String[] signed =
        Invoices.signedPaymentFailed("in_hook_" + phase + "_" + index, DevStack.DEV_WEBHOOK_SECRET);
    WebhookConnection connection = connections.get();
    try {
      return connection.post(signed[0], signed[1]) == 200;
    } catch (IOException e) {
      connection.close();
      throw e;
    }
  }
}
