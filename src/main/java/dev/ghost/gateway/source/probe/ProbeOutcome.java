package dev.ghost.gateway.source.probe;

import java.time.Duration;

/**
 * What one run of a probe found.
 *
 * @param reason what was seen, e.g. "HTTP 503 in 23 ms"
 * @param latency how long the run took
 */
public record ProbeOutcome(boolean up, String reason, Duration latency) {

  static ProbeOutcome up(String reason, long startedNanos) {
    return new ProbeOutcome(true, reason, since(startedNanos));
  }

  static ProbeOutcome down(String reason, long startedNanos) {
    return new ProbeOutcome(false, reason, since(startedNanos));
  }

  static long millis(long startedNanos) {
    return since(startedNanos).toMillis();
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
