package com.example.dunning.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time this JVM spent, in all and per group of threads (a thread's name without its
 * numbers, e.g. {@code http-nio-#-exec-#}): everything of the intake (test server, API, load) runs
 * in this one JVM, so the CPU time a call costs is what sets the throughput on a machine with few
 * cores, and it is less at the mercy of other processes than wall time.
 */
final class CpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long process;
  private final Map<Long, Long> perThread;
  private final Map<Long, String> groups;

  private CpuTime(long process, Map<Long, Long> perThread, Map<Long, String> groups) {
    this.process = process;
    this.perThread = perThread;
    this.groups = groups;
  }

  static CpuTime now() {
    Map<Long, Long> perThread = new HashMap<>();
    Map<Long, String> groups = new HashMap<>();
    long[] ids = THREADS.getAllThreadIds();
    for (ThreadInfo info : THREADS.getThreadInfo(ids)) {
      if (info == null) {
        continue;
      }
      long nanos = THREADS.getThreadCpuTime(info.getThreadId());
      if (nanos >= 0) {
        perThread.put(info.getThreadId(), nanos);
        groups.put(info.getThreadId(), group(info.getThreadName()));
      }
    }
    return new CpuTime(processNanos(), perThread, groups);
  }

  /** The process's CPU time since {@code earlier}, in nanoseconds. */
  long processSince(CpuTime earlier) {
    return process - earlier.process;
  }

  /**
   * The CPU time per group of threads since {@code earlier}, of the threads alive at both moments
   * (a thread that ended in between is left out, one that began counts from its start).
   */
  Map<String, Long> groupsSince(CpuTime earlier) {
    Map<String, Long> since = new TreeMap<>();
    perThread.forEach(
        (id, nanos) ->
            since.merge(groups.get(id), nanos - earlier.perThread.getOrDefault(id, 0L), Long::sum));
    return since;
  }

  private static String group(String threadName) {
    return threadName.replaceAll("[0-9]+", "#");
  }

  private static long processNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
