package dev.ghost.gateway.domain;

import java.time.Duration;

/** Durations as people say them: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
public final class DurationWords {

  private DurationWords() {}

  /** Two units at most; the second is dropped when it is zero. Negative durations read as 0 s. */
  public static String of(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    if (seconds < 60) {
      return seconds + " s";
    }
    long minutes = seconds / 60;
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    if (hours < 24) {
      return join(hours, "h", minutes % 60, "min");
    }
    return join(hours / 24, "d", hours % 24, "h");
  }

  private static String join(long major, String majorUnit, long minor, String minorUnit) {
    return minor == 0
        ? major + " " + majorUnit
        : major + " " + majorUnit + " " + minor + " " + minorUnit;
  }
}
