package dev.ghost.gateway.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter for failures worth retrying: 1 s, 2 s, 4 s ... up to {@code max}.
 * The jitter takes up to a fifth off each wait, so many gateways (or channels) that failed together
 * do not retry together; it never goes below 1 s.
 */
public record Backoff(Duration max, DoubleSupplier random) {

  private static final Duration FIRST = Duration.ofSeconds(1);

  /**
   * @param attempts failed attempts so far, 1 or more
   */
  public Duration delay(int attempts) {
    int doublings = Math.min(Math.max(attempts, 1) - 1, 30);
    Duration full = FIRST.multipliedBy(1L << doublings);
    if (full.compareTo(max) > 0) {
      full = max;
    }
    long millis = (long) (full.toMillis() * (1.0 - 0.2 * random.getAsDouble()));
    return Duration.ofMillis(Math.max(FIRST.toMillis(), millis));
  }
}
