package com.example.dunning.bench;

import com.example.dunning.dev.WorkerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dunnings open at once on one worker: they open (provider read, record, search attributes), sleep
 * until their first step, which comes due {@link #FIRST_STEP} after each opened, then run it (a
 * provider read and an email) and sleep again, 30 days, until the expiry.
 */
final class ScaleBenchmark {

  static final Duration FIRST_STEP =
      Duration.ofSeconds(Long.getLong("bench.firstStepSeconds", 100));

  /**
   * Where the worker's profiles go ({@code jcmd JFR.start}), as {@code <prefix>-opening.jfr} (the
   * last level opening) and {@code <prefix>-steps.jfr} (the first steps); none when unset.
   */
  static final String PROFILE = System.getProperty("bench.workerProfile", "");

  /**
   * @param cpu what each process spent while this level opened (null for the idle worker)
   */
  record Level(int open, double openedPerSecond, double heapMib, double rssMib, StackCpu cpu) {}

  /**
   * @param afterSteps the last level again once every first step has run: opening the last level
   *     takes longer than {@link #FIRST_STEP}, so its own figure is taken while steps run
   */
  record Result(
      Level idle,
      List<Level> levels,
      Level afterSteps,
      int mailsSent,
      int stepsLogged,
      double stepLagP50Seconds,
      double stepLagP99Seconds,
      double stepLagMaxSeconds,
      double allDoneAfterLastDueSeconds,
      double stepsPerSecond,
      int stepsMeasured,
      StackCpu stepCpu) {}

  private final BenchStack stack;

  ScaleBenchmark(BenchStack stack) {
    this.stack = stack;
  }

  /** The benchmark's policy, as Spring arguments of the worker. */
  static List<String> policy() {
    return List.of(
        "--dunning.policy.version=bench-v1",
        "--dunning.policy.restore-window=P30D",
        "--dunning.policy.quiet-hours-start=",
        "--dunning.policy.quiet-hours-end=",
        "--dunning.policy.steps[0].name=reminder",
        "--dunning.policy.steps[0].delay=" + FIRST_STEP,
        "--dunning.policy.steps[0].actions=EMAIL",
        "--dunning.policy.steps[0].notice=REMINDER",
        "--dunning.policy.steps[1].name=expire",
        "--dunning.policy.steps[1].delay=P30D",
        "--dunning.policy.steps[1].actions=EXPIRE_PACKAGE,EMAIL",
        "--dunning.policy.steps[1].notice=EXPIRED");
  }

  Result run(WorkerProcess worker, int... levels) throws Exception {
    Level idle = new Level(0, 0, worker.heapAfterGcMib(), worker.rssMib(), null);
    StackCpu.Processes processes =
        StackCpu.Processes.of(worker.handle(), stack.temporal.handle(), stack.ports.postgres());
    List<Level> measured = new ArrayList<>();
    int open = 0;
    for (int level : levels) {
      int from = open;
      boolean profiled = !PROFILE.isEmpty() && level == levels[levels.length - 1];
      if (profiled) {
        worker.jcmd(
            "JFR.start",
            "name=opening",
            "settings=profile",
            "filename=" + PROFILE + "-opening.jfr");
      }
      StackCpu cpuBefore = StackCpu.now(processes);
      long start = System.nanoTime();
      Load.flatOut(
          stack.temporal.handle(),
          level - from,
          IntakeBenchmark.THREADS,
          i -> {
            Invoices.signalWithStart(stack.client, "in_scale_" + (from + i));
            return true;
          });
      awaitCount("SELECT count(*) FROM failed_invoice WHERE invoice_id LIKE 'in_scale_%'", level);
      double opened = (level - from) * 1e9 / (System.nanoTime() - start);
      StackCpu cpu = StackCpu.now(processes).since(cpuBefore);
      if (profiled) {
        worker.jcmd("JFR.stop", "name=opening");
      }
      DunningBench.log(
          "opened up to %,d: %.0f/s; CPU per dunning %s; busy %s"
              .formatted(level, opened, cpu.perEach(level - from), cpu.busy()));
      open = level;
      measured.add(new Level(level, opened, worker.heapAfterGcMib(), worker.rssMib(), cpu));
    }
    String stepSent =
        "SELECT count(*) FROM notification WHERE notice_key LIKE '%:reminder:email'"
            + " AND state = 'SENT'";
    awaitFirstDue();
    int sentBefore = stack.database.queryForObject(stepSent, Integer.class);
    if (!PROFILE.isEmpty()) {
      worker.jcmd(
          "JFR.start", "name=steps", "settings=profile", "filename=" + PROFILE + "-steps.jfr");
    }
    StackCpu stepsBefore = StackCpu.now(processes);
    awaitCount(stepSent, open);
    StackCpu stepCpu = StackCpu.now(processes).since(stepsBefore);
    if (!PROFILE.isEmpty()) {
      worker.jcmd("JFR.stop", "name=steps");
      DunningBench.log("worker's profiles: " + PROFILE + "-opening.jfr, -steps.jfr");
    }
    int stepsMeasured = open - sentBefore;
    DunningBench.log(
        "%,d steps after the first came due: CPU per step %s; busy %s"
            .formatted(stepsMeasured, stepCpu.perEach(Math.max(1, stepsMeasured)), stepCpu.busy()));
    Thread.sleep(2000); // a send done twice would show in the SMTP server's count meanwhile
    Level afterSteps = new Level(open, Double.NaN, worker.heapAfterGcMib(), worker.rssMib(), null);
    Map<String, Object> lag =
        stack.database.queryForMap(
            """
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50,
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY lag) AS p99,
                   max(lag) AS max,
                   extract(epoch FROM max(sent_at) - max(due)) AS after_last_due,
                   count(*) / greatest(extract(epoch FROM max(sent_at) - min(due)), 0.001)
                     AS per_second,
                   count(*) AS steps
            FROM (SELECT n.sent_at, f.created_at + make_interval(secs => ?) AS due,
                         extract(epoch FROM n.sent_at - (f.created_at + make_interval(secs => ?)))
                           AS lag
                  FROM notification n JOIN failed_invoice f ON f.dunning_id = n.dunning_id
                  WHERE n.notice_key LIKE '%:reminder:email' AND n.state = 'SENT') steps
            """,
            (double) FIRST_STEP.toSeconds(), (double) FIRST_STEP.toSeconds());
    int logged =
        stack.database.queryForObject(
            "SELECT count(*) FROM dunning_log WHERE record_key LIKE '%:reminder:email'",
            Integer.class);
    return new Result(
        idle,
        measured,
        afterSteps,
        stack.smtp.getReceivedMessages().length,
        logged,
        number(lag.get("p50")),
        number(lag.get("p99")),
        number(lag.get("max")),
        number(lag.get("after_last_due")),
        number(lag.get("per_second")),
        stepsMeasured,
        stepCpu);
  }

  /**
   * Waits until the first step not yet run comes due, so that the step burst's CPU time leaves out
   * the idle wait before it.
   */
  private void awaitFirstDue() throws InterruptedException {
    Double wait =
        stack.database.queryForObject(
            """
            SELECT extract(epoch FROM min(f.created_at) + make_interval(secs => ?) - now())
            FROM failed_invoice f
            WHERE f.invoice_id LIKE 'in_scale_%' AND NOT EXISTS (
              SELECT 1 FROM notification n
              WHERE n.dunning_id = f.dunning_id AND n.notice_key LIKE '%:reminder:email')
            """,
            Double.class, (double) FIRST_STEP.toSeconds());
    if (wait != null && wait > 0) {
      Thread.sleep((long) (wait * 1000));
    }
  }

  private void awaitCount(String sql, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
    while (stack.database.queryForObject(sql, Integer.class) < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting for " + count + ": " + sql);
      }
      Thread.sleep(250);
    }
  }

  private static double number(Object value) {
    return value == null ? Double.NaN : ((Number) value).doubleValue();
  }
}
