package dev.ghost.gateway.domain;

import java.time.Duration;
import java.time.Instant;

/** How old a report is, in the whole seconds that reasons and people read. */
public final class Ages {

  private Ages() {}

  /** Whole seconds from {@code then} to {@code now}, never negative (clocks may disagree). */
  public static long secondsBetween(Instant then, Instant now) {
    return Math.max(0, Duration.between(then, now).toSeconds());
  }

  /**
   * True when a report made at {@code seenAt} is older than {@code maxAge} at {@code now}. A report
   * exactly {@code maxAge} old is still fresh.
   */
  public static boolean isStale(Instant seenAt, Instant now, Duration maxAge) {
    // Compared field by field: a Duration per daemon per tick was 3% of what a tick allocated.
    long seconds = now.getEpochSecond() - seenAt.getEpochSecond();
    int nanos = now.getNano() - seenAt.getNano();
    if (nanos < 0) {
      seconds--;
      nanos += 1_000_000_000;
    }
    return seconds != maxAge.getSeconds()
        ? seconds > maxAge.getSeconds()
        : nanos > maxAge.getNano();
  }
}
