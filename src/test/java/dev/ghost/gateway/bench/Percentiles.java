package dev.ghost.gateway.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of nanosecond samples, in milliseconds. */
final class Percentiles {

  private Percentiles() {}

  static double millis(long[] nanos, double q) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  /** One line: p50 and p99, and the p99 as a multiple of the reference's p99 from the same run. */
  static void report(String name, long[] nanos, long[] reference) {
    System.out.printf(
        "%-48s p50 %7.2f ms  p99 %7.2f ms  (p99 %.1fx the reference)%n",
        name,
        millis(nanos, 0.50),
        millis(nanos, 0.99),
        millis(nanos, 0.99) / millis(reference, 0.99));
  }
}
