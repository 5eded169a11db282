package dev.ghost.gateway.domain;

import java.util.Locale;

/**
 * The one-word verdict over all daemons, in the vocabulary a Statuspage summary uses, so people and
 * agents read the same word everywhere.
 */
public enum Health {
  OPERATIONAL,
  DEGRADED,
  MAJOR_OUTAGE,
  UNKNOWN;

  /**
   * Nothing watched, or nothing known, is UNKNOWN rather than fine. Half or more of the daemons
   * down is a major outage; any daemon down or not yet known is degraded.
   */
  public static Health of(Counts counts) {
    int total = counts.total();
    int down = counts.down();
    int unknown = counts.unknown();
    if (total == 0 || unknown == total) {
      return UNKNOWN;
    }
    if (down * 2 >= total) {
      return MAJOR_OUTAGE;
    }
    if (down > 0 || unknown > 0) {
      return DEGRADED;
    }
    return OPERATIONAL;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
