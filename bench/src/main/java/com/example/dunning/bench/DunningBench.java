package com.example.dunning.bench;

import com.example.dunning.dev.FreePorts;
import com.example.dunning.dev.WorkerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmarks and prints one table: the dev stack on free ports, then the cost of a whole
 * default dunning counted from its history, dunnings at scale on one worker in its own JVM, and the
 * webhook intake against direct starts. Every figure comes with the baseline it is compared with,
 * measured in the same run, since these machines are shared and noisy.
 *
 * <p>{@code -Dbench.levels=1000,5000,10000} (the default) sets the numbers of dunnings open at once
 * (empty: no scale run); {@code -Dbench.intake=3000} the deliveries per intake run; {@code
 * -Dbench.warmUp=12000} the calls per path that warm the intake up first; {@code
 * -Dbench.parts=scale} leaves the intake out but for its direct starts, the scale part's baseline;
 * {@code -Dbench.workerSettings="--a=1 --b=2"} adds Spring arguments to the worker's.
 */
public final class DunningBench {

  private final List<String> rows = new ArrayList<>();

  private DunningBench() {}

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    int[] levels =
        java.util.Arrays.stream(System.getProperty("bench.levels", "1000,5000,10000").split(","))
            .filter(level -> !level.isBlank())
            .mapToInt(Integer::parseInt)
            .toArray();
    int intake = Integer.getInteger("bench.intake", 3000);
    long begun = System.nanoTime();
    String machine = machine();
    DunningBench bench = new DunningBench();
    HistoryCost workflowRetries = DefaultDunningCost.measure(false);
    HistoryCost smartRetries = DefaultDunningCost.measure(true);
    DefaultDunningCost.ConversingCost conversing = DefaultDunningCost.measureConversing(true);
    // Each part on a stack of its own: the test server keeps every workflow in its heap, so the
    // intake measured after 10,000 open dunnings would measure their garbage collection, and the
    // worker of the scale part would run the intake's workflows.
    boolean scaleOnly = "scale".equals(System.getProperty("bench.parts", "all"));
    IntakeBenchmark.Result intakeResult = null;
    Latencies directStarts;
    try (BenchStack stack = BenchStack.start()) {
      IntakeBenchmark intakeBenchmark = new IntakeBenchmark(stack);
      int warmUp = Integer.getInteger("bench.warmUp", 12000);
      if (scaleOnly) {
        directStarts = intakeBenchmark.directOnly(warmUp, intake);
      } else {
        intakeResult = intakeBenchmark.run(warmUp, intake);
        directStarts = intakeResult.directPeak();
      }
    }
    ScaleBenchmark.Result scale = null;
    if (levels.length > 0) {
      try (BenchStack stack = BenchStack.start()) {
        List<String> settings = stack.workerSettings();
        settings.addAll(ScaleBenchmark.policy());
        // Settings to try on the worker, e.g. its pollers or cache, separated by spaces.
        settings.addAll(
            java.util.Arrays.stream(System.getProperty("bench.workerSettings", "").split(" "))
                .filter(setting -> !setting.isBlank())
                .toList());
        try (WorkerProcess worker = WorkerProcess.start(FreePorts.one(), settings)) {
          log("worker log: " + worker.log());
          scale = new ScaleBenchmark(stack).run(worker, levels);
        }
      }
    }
    if (intakeResult != null) {
      bench.intake(intakeResult);
    }
    if (scale != null) {
      bench.scale(scale, directStarts.perSecond(), directStarts.allCpuMillisPerCall());
    }
    bench.cost(workflowRetries, smartRetries);
    bench.conversingCost(smartRetries, conversing);
    System.out.println();
    System.out.println("Machine: " + machine);
    System.out.printf(
        "Whole run: %.0f s (without the build)%n%n", (System.nanoTime() - begun) / 1e9);
    System.out.println("| figure | measured | baseline (same run) | ratio | target |");
    System.out.println("|---|---|---|---|---|");
    bench.rows.forEach(System.out::println);
    System.exit(0); // the dev stack's non-daemon threads would keep the JVM up
  }

  private void intake(IntakeBenchmark.Result r) {
    row(
        "webhook intake, starts/s (" + IntakeBenchmark.THREADS + " connections)",
        "%.0f/s".formatted(r.webhookPeak().perSecond()),
        "direct WorkflowClient %.0f/s".formatted(r.directPeak().perSecond()),
        ratio(r.webhookPeak().perSecond(), r.directPeak().perSecond()),
        ">= 80%");
    row(
        "CPU per call at peak (API and load + Temporal test server)",
        "webhook %.2f + %.2f ms"
            .formatted(
                r.webhookPeak().cpuMillisPerCall(), r.webhookPeak().serverCpuMillisPerCall()),
        "direct %.2f + %.2f ms"
            .formatted(r.directPeak().cpuMillisPerCall(), r.directPeak().serverCpuMillisPerCall()),
        ratio(r.webhookPeak().allCpuMillisPerCall(), r.directPeak().allCpuMillisPerCall()),
        "");
    row(
        "heap allocated per call at peak (API and load)",
        "webhook %.0f KiB".formatted(r.webhookPeak().allocatedKibPerCall()),
        "direct %.0f KiB".formatted(r.directPeak().allocatedKibPerCall()),
        ratio(r.webhookPeak().allocatedKibPerCall(), r.directPeak().allocatedKibPerCall()),
        "");
    row(
        "webhook p50 / p99 at peak",
        ms(r.webhookPeak(), 50) + " / " + ms(r.webhookPeak(), 99),
        "direct " + ms(r.directPeak(), 50) + " / " + ms(r.directPeak(), 99),
        ratio(r.webhookPeak().millis(99), r.directPeak().millis(99)) + " (p99)",
        "");
    row(
        "webhook p50 / p99 at half peak (%.0f/s, open loop)".formatted(r.halfRate()),
        ms(r.webhookHalf(), 50) + " / " + ms(r.webhookHalf(), 99),
        "direct " + ms(r.directHalf(), 50) + " / " + ms(r.directHalf(), 99),
        ratio(r.webhookHalf().millis(99), r.directHalf().millis(99)) + " (p99)",
        "p99 < 50 ms");
    int failures =
        r.webhookPeak().failures()
            + r.webhookHalf().failures()
            + r.directPeak().failures()
            + r.directHalf().failures();
    row("intake calls that failed", Integer.toString(failures), "", "", "0");
    row(
        "Temporal test server's GC pauses inside measured turns: peak; half peak",
        r.peakPauses() + "; " + r.halfPauses(),
        "",
        "",
        "");
  }

  private void scale(
      ScaleBenchmark.Result s, double directStartsPerSecond, double directStartCpuMillis) {
    String directCpu = "direct start %.2f ms (client + server)".formatted(directStartCpuMillis);
    ScaleBenchmark.Level first = s.levels().get(0);
    String baseline =
        "%,d open: %.0f / %.0f MiB (idle worker %.0f / %.0f)"
            .formatted(
                first.open(),
                first.heapMib(),
                first.rssMib(),
                s.idle().heapMib(),
                s.idle().rssMib());
    for (ScaleBenchmark.Level level : s.levels()) {
      memoryRow("%,d dunnings open".formatted(level.open()), level, first, baseline);
    }
    memoryRow(
        "%,d dunnings open, all first steps run".formatted(s.afterSteps().open()),
        s.afterSteps(),
        first,
        baseline);
    for (ScaleBenchmark.Level level : s.levels()) {
      row(
          "dunnings opened/s up to %,d (start, provider read, record)".formatted(level.open()),
          "%.0f/s".formatted(level.openedPerSecond()),
          "direct starts %.0f/s".formatted(directStartsPerSecond),
          ratio(level.openedPerSecond(), directStartsPerSecond),
          "");
    }
    int opened = 0;
    for (ScaleBenchmark.Level level : s.levels()) {
      row(
          "CPU per opened dunning up to %,d (busy: %s)".formatted(level.open(), level.cpu().busy()),
          level.cpu().perEach(level.open() - opened),
          directCpu,
          ratio(level.cpu().total() / 1e6 / (level.open() - opened), directStartCpuMillis),
          "");
      opened = level.open();
    }
    int open = s.levels().get(s.levels().size() - 1).open();
    row(
        "first step of %,d sleeping dunnings, steps run/s once due".formatted(open),
        "%.0f/s".formatted(s.stepsPerSecond()),
        "direct starts %.0f/s".formatted(directStartsPerSecond),
        ratio(s.stepsPerSecond(), directStartsPerSecond),
        "");
    row(
        "CPU per first step, %,d steps run after the first came due (busy: %s)"
            .formatted(s.stepsMeasured(), s.stepCpu().busy()),
        s.stepCpu().perEach(Math.max(1, s.stepsMeasured())),
        directCpu,
        ratio(s.stepCpu().total() / 1e6 / Math.max(1, s.stepsMeasured()), directStartCpuMillis),
        "");
    row(
        "step run after it came due: p50 / p99 / max",
        "%.1f / %.1f / %.1f s"
            .formatted(s.stepLagP50Seconds(), s.stepLagP99Seconds(), s.stepLagMaxSeconds()),
        "due %d s after opening".formatted(ScaleBenchmark.FIRST_STEP.toSeconds()),
        "",
        "");
    row(
        "all steps run, after the last came due",
        "%.1f s".formatted(s.allDoneAfterLastDueSeconds()),
        "",
        "",
        "");
    row(
        "every step once: mails caught / steps logged",
        "%,d / %,d".formatted(s.mailsSent(), s.stepsLogged()),
        "%,d dunnings".formatted(open),
        ratio(s.mailsSent(), open),
        "100%");
  }

  private void memoryRow(
      String when, ScaleBenchmark.Level level, ScaleBenchmark.Level first, String baseline) {
    row(
        "worker heap after GC / RSS, " + when,
        "%.0f MiB / %.0f MiB".formatted(level.heapMib(), level.rssMib()),
        baseline,
        ratio(level.heapMib(), first.heapMib()) + " / " + ratio(level.rssMib(), first.rssMib()),
        "flat");
  }

  private void cost(HistoryCost workflowRetries, HistoryCost smartRetries) {
    for (HistoryCost cost : List.of(workflowRetries, smartRetries)) {
      String which =
          cost == workflowRetries ? "workflow retries the charge" : "Stripe Smart Retries";
      row(
          "Temporal Cloud actions, whole default dunning (" + which + ")",
          Integer.toString(cost.actions()),
          "target 20",
          ratio(cost.actions(), 20),
          "<= 20");
      row(
          "history events, whole default dunning (" + which + ")",
          "%d (%d timers, %d local-activity tasks, %d activities, %d upserts)"
              .formatted(
                  cost.events(),
                  cost.timers(),
                  cost.localActivityTasks(),
                  cost.activities(),
                  cost.upserts()),
          "target 100",
          ratio(cost.events(), 100),
          "<= 100");
    }
  }

  /**
   * What the customer's coordinator adds to a default dunning (Smart Retries) with {@code
   * dunning.conversation.enabled}, for a customer with no other dunning: the dearest case, since
   * merging shares a message's cost among the dunnings it carries.
   */
  private void conversingCost(HistoryCost alone, DefaultDunningCost.ConversingCost conversing) {
    int total = conversing.dunning().actions() + conversing.coordinator().actions();
    row(
        "Temporal Cloud actions, whole default dunning with the customer's coordinator (Stripe"
            + " Smart Retries; dunning + coordinator)",
        "%d + %d = %d"
            .formatted(conversing.dunning().actions(), conversing.coordinator().actions(), total),
        "switch off: " + alone.actions(),
        ratio(total, alone.actions()),
        "");
  }

  private void row(String figure, String measured, String baseline, String ratio, String target) {
    rows.add("| %s | %s | %s | %s | %s |".formatted(figure, measured, baseline, ratio, target));
  }

  private static String ratio(double value, double baseline) {
    return "%.0f%%".formatted(100 * value / baseline);
  }

  private static String ms(Latencies latencies, double percentile) {
    return "%.1f ms".formatted(latencies.millis(percentile));
  }

  static void log(String line) {
    System.out.println("[bench] " + line);
  }

  private static String machine() {
    String cpu = "?";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .findFirst()
              .map(l -> l.substring(l.indexOf(':') + 1).strip())
              .orElse("?");
    } catch (Exception ignored) {
      // not Linux
    }
    String load = "?";
    try {
      load = Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (Exception ignored) {
      // not Linux
    }
    return "%d cores (%s), %.0f GiB RAM, Java %s; load average at start %s"
        .formatted(
            Runtime.getRuntime().availableProcessors(),
            cpu,
            ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize()
                / 1073741824.0,
            System.getProperty("java.version"),
            load);
  }
}
