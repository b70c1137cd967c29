package com.example.dunning.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latencies of one run, in nanoseconds, with the wall time the run took, the CPU time this JVM
 * spent meanwhile (in all and per group of threads), the heap it allocated, and the CPU time the
 * Temporal server spent ({@link CpuTime}).
 */
record Latencies(
    long[] nanos,
    long elapsedNanos,
    int failures,
    long cpuNanos,
    Map<String, Long> cpuGroups,
    long allocatedBytes,
    long serverCpuNanos) {

  /** Two runs as one: their calls together, over the time both took. */
  Latencies and(Latencies other) {
    long[] both = Arrays.copyOf(nanos, nanos.length + other.nanos.length);
    System.arraycopy(other.nanos, 0, both, nanos.length, other.nanos.length);
    Map<String, Long> groups = new TreeMap<>(cpuGroups);
    other.cpuGroups.forEach((group, cpu) -> groups.merge(group, cpu, Long::sum));
    return new Latencies(
        both,
        elapsedNanos + other.elapsedNanos,
        failures + other.failures,
        cpuNanos + other.cpuNanos,
        groups,
        allocatedBytes + other.allocatedBytes,
        serverCpuNanos + other.serverCpuNanos);
  }

  double perSecond() {
    return nanos.length * 1e9 / elapsedNanos;
  }

  double millis(double percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  /** The CPU time of this whole JVM (API and load) per call, in milliseconds. */
  double cpuMillisPerCall() {
    return cpuNanos / 1e6 / nanos.length;
  }

  /** The CPU time of the Temporal server per call, in milliseconds. */
  double serverCpuMillisPerCall() {
    return serverCpuNanos / 1e6 / nanos.length;
  }

  /** Both together: what a call costs the machine. */
  double allCpuMillisPerCall() {
    return cpuMillisPerCall() + serverCpuMillisPerCall();
  }

  /** The heap this whole JVM allocated per call, in KiB. */
  double allocatedKibPerCall() {
    return allocatedBytes / 1024.0 / nanos.length;
  }

  /** The groups of threads that spent at least {@code share} of the CPU time, per call. */
  String cpuPerCallByGroup(double share) {
    StringBuilder text = new StringBuilder();
    cpuGroups.entrySet().stream()
        .filter(group -> group.getValue() >= share * cpuNanos)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            group ->
                text.append(
                    "%n    %-60s %.3f ms"
                        .formatted(group.getKey(), group.getValue() / 1e6 / nanos.length)));
    return text.toString();
  }
}
