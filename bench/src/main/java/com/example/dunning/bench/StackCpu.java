package com.example.dunning.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CPU time each process of the scale part has used so far, in nanoseconds, from Linux's {@code
 * /proc/<pid>/stat}: the worker's JVM, the Temporal test server's JVM, PostgreSQL (the postmaster,
 * the backends it has reaped and those alive) and the benchmark's own JVM, which holds the Stripe
 * stand-in, the SMTP server, the idle API and the load that starts the dunnings.
 */
record StackCpu(long worker, long server, long postgres, long bench, long wallNanos) {

  /** Linux counts CPU time in clock ticks of 1/100 s (USER_HZ). */
  private static final long NANOS_PER_TICK = 10_000_000L;

  /** The processes to read: the two child JVMs and PostgreSQL's postmaster. */
  record Processes(ProcessHandle worker, ProcessHandle server, ProcessHandle postgres) {

    /** Finds the postmaster by the port on its command line ({@code postgres -D … -p <port>}). */
    static Processes of(ProcessHandle worker, ProcessHandle server, int postgresPort)
        throws IOException {
      try (Stream<Path> all = Files.list(Path.of("/proc"))) {
        ProcessHandle postmaster =
            all.filter(p -> p.getFileName().toString().matches("\\d+"))
                .filter(p -> isPostmaster(p, postgresPort))
                .findFirst()
                .flatMap(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())))
                .orElseThrow(() -> new IllegalStateException("no postmaster on " + postgresPort));
        return new Processes(worker, server, postmaster);
      }
    }

    private static boolean isPostmaster(Path proc, int port) {
      try {
        List<String> args = List.of(Files.readString(proc.resolve("cmdline")).split("\0"));
        int p = args.indexOf("-p");
        return !args.isEmpty()
            && args.get(0).endsWith("/postgres")
            && p > 0
            && p + 1 < args.size()
            && args.get(p + 1).equals(Integer.toString(port));
      } catch (IOException | RuntimeException gone) {
        return false;
      }
    }
  }

  static StackCpu now(Processes processes) {
    long postgres = ticks(processes.postgres().pid(), true);
    for (ProcessHandle backend : processes.postgres().children().toList()) {
      postgres += ticks(backend.pid(), true);
    }
    return new StackCpu(
        ticks(processes.worker().pid(), false) * NANOS_PER_TICK,
        ticks(processes.server().pid(), false) * NANOS_PER_TICK,
        postgres * NANOS_PER_TICK,
        ticks(ProcessHandle.current().pid(), false) * NANOS_PER_TICK,
        System.nanoTime());
  }

  /** What each process used since {@code earlier}, and the wall time in between. */
  StackCpu since(StackCpu earlier) {
    return new StackCpu(
        worker - earlier.worker,
        server - earlier.server,
        postgres - earlier.postgres,
        bench - earlier.bench,
        wallNanos - earlier.wallNanos);
  }

  long total() {
    return worker + server + postgres + bench;
  }

  /** Per unit of work, in milliseconds: "worker 1.20 + server 0.80 + … = 2.50 ms". */
  String perEach(long count) {
    return "worker %.2f + Temporal server %.2f + PostgreSQL %.2f + bench JVM %.2f = %.2f ms"
        .formatted(
            worker / 1e6 / count,
            server / 1e6 / count,
            postgres / 1e6 / count,
            bench / 1e6 / count,
            total() / 1e6 / count);
  }

  /** How busy the machine's cores were with these processes, and the worker alone. */
  String busy() {
    double cores = Runtime.getRuntime().availableProcessors() * (double) wallNanos;
    return "all %.0f%%, worker %.0f%% of %d cores"
        .formatted(
            100 * total() / cores,
            100 * worker / cores,
            Runtime.getRuntime().availableProcessors());
  }

  /**
   * utime + stime, and with {@code reaped} also the children it has waited for (cutime + cstime):
   * PostgreSQL's backends that ended count there.
   */
  private static long ticks(long pid, boolean reaped) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is the state (field 3 of stat), so utime (14) is fields[11]
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return reaped ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    } catch (IOException | RuntimeException gone) {
      return 0; // a backend that ended between listing and reading
    }
  }
}
