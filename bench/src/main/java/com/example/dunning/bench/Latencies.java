package com.example.dunning.bench;

import java.util.Arrays;

/** Latencies of one run, in nanoseconds, with the wall time the run took. */
record Latencies(long[] nanos, long elapsedNanos, int failures) {

  /** Two runs as one: their calls together, over the time both took. */
  Latencies and(Latencies other) {
    long[] both = Arrays.copyOf(nanos, nanos.length + other.nanos.length);
    System.arraycopy(other.nanos, 0, both, nanos.length, other.nanos.length);
    return new Latencies(both, elapsedNanos + other.elapsedNanos, failures + other.failures);
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
}
