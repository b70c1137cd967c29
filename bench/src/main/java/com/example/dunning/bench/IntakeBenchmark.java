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
    Load.flatOut(warmUp, THREADS, i -> webhook("warm", i));
    Load.flatOut(warmUp, THREADS, i -> direct("warm", i));
    Latencies[] peak = turns(count, "peak", 0);
    double half = Math.min(peak[0].perSecond(), peak[1].perSecond()) / 2;
    int halfCount = (int) Math.max(200, half * 12); // about twelve seconds each
    Latencies[] halfPeak = turns(halfCount, "half", half);
    return new Result(peak[0], peak[1], half, halfPeak[0], halfPeak[1]);
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
          direct = direct == null ? run : direct.and(run);
        } else {
          Latencies run = load(perTurn, rate, i -> webhook(name, i));
          hook = hook == null ? run : hook.and(run);
        }
      }
    }
    return new Latencies[] {direct, hook};
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
