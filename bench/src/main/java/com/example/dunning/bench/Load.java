package com.example.dunning.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** Drives {@code count} calls from many threads, as fast as they go or at a fixed rate. */
final class Load {

  /** One call; true when it succeeded. */
  interface Call {
    boolean run(int index) throws Exception;
  }

  private Load() {}

  /**
   * Closed loop: each of {@code threads} calls again as soon as its last call returned.
   *
   * @param server the Temporal server's process, whose CPU time is counted apart
   */
  static Latencies flatOut(ProcessHandle server, int count, int threads, Call call)
      throws InterruptedException {
    return run(server, count, threads, call, 0);
  }

  /**
   * Open loop: call {@code i} is due at {@code i / rate} seconds; its latency counts from when it
   * was due, so a queue that builds up shows in the latency instead of slowing the load.
   */
  static Latencies atRate(ProcessHandle server, int count, int threads, double rate, Call call)
      throws InterruptedException {
    return run(server, count, threads, call, (long) (1e9 / rate));
  }

  private static Latencies run(
      ProcessHandle server, int count, int threads, Call call, long intervalNanos)
      throws InterruptedException {
    long[] nanos = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch done = new CountDownLatch(threads);
    CpuTime cpuBefore = CpuTime.now(server);
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      pool.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
              long due = intervalNanos == 0 ? System.nanoTime() : start + i * intervalNanos;
              long wait = due - System.nanoTime();
              if (wait > 0) {
                LockSupport.parkNanos(wait);
              }
              boolean ok;
              try {
                ok = call.run(i);
              } catch (Exception e) {
                ok = false;
              }
              if (!ok) {
                failures.incrementAndGet();
              }
              nanos[i] = System.nanoTime() - due;
            }
            done.countDown();
          });
    }
    // The load's threads are still alive here, so their CPU time counts too.
    if (!done.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("load did not finish");
    }
    long elapsed = System.nanoTime() - start;
    CpuTime cpuAfter = CpuTime.now(server);
    pool.shutdown();
    return new Latencies(
        nanos,
        elapsed,
        failures.get(),
        cpuAfter.processSince(cpuBefore),
        cpuAfter.groupsSince(cpuBefore),
        cpuAfter.allocatedSince(cpuBefore),
        cpuAfter.serverSince(cpuBefore));
  }
}
