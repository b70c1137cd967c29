package com.example.dunning.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time this JVM spent, in all and per group of threads (a thread's name without its
 * numbers, e.g. {@code http-nio-#-exec-#}), and the heap its threads allocated: everything of the
 * intake (test server, API, load) runs in this one JVM, so the CPU time a call costs is what sets
 * the throughput on a machine with few cores, and it is less at the mercy of other processes than
 * wall time; what a call allocates sets how often the collector pauses everything.
 */
final class CpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long process;
  private final long server;
  private final Map<Long, Long> allocated;
  private final Map<Long, Long> perThread;
  private final Map<Long, String> groups;

  private CpuTime(
      long process,
      long server,
      Map<Long, Long> allocated,
      Map<Long, Long> perThread,
      Map<Long, String> groups) {
    this.process = process;
    this.server = server;
    this.allocated = allocated;
    this.perThread = perThread;
    this.groups = groups;
  }

  /**
   * @param server the Temporal server's process, whose CPU time is counted apart
   */
  static CpuTime now(ProcessHandle server) {
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
    Map<Long, Long> allocated = new HashMap<>();
    long[] bytes = ((com.sun.management.ThreadMXBean) THREADS).getThreadAllocatedBytes(ids);
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        allocated.put(ids[i], bytes[i]);
      }
    }
    long serverNanos = server.info().totalCpuDuration().orElseThrow().toNanos();
    return new CpuTime(processNanos(), serverNanos, allocated, perThread, groups);
  }

  /**
   * The bytes the threads alive now allocated since {@code earlier} (a thread that ended in between
   * is left out, one that began counts from its start).
   */
  long allocatedSince(CpuTime earlier) {
    long since = 0;
    for (Map.Entry<Long, Long> thread : allocated.entrySet()) {
      since += thread.getValue() - earlier.allocated.getOrDefault(thread.getKey(), 0L);
    }
    return since;
  }

  /** This JVM's CPU time since {@code earlier}, in nanoseconds. */
  long processSince(CpuTime earlier) {
    return process - earlier.process;
  }

  /**
   * The Temporal server's CPU time since {@code earlier}, in nanoseconds (as Linux counts it, in
   * hundredths of a second).
   */
  long serverSince(CpuTime earlier) {
    return server - earlier.server;
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
