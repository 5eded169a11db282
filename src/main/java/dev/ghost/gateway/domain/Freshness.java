package dev.ghost.gateway.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How old a snapshot may be and still be told as now, in ticks: the one rule that status.json, the
 * agent API, the page, readiness and the engine share.
 *
 * <p>A snapshot is <em>on time</em> when it came at most two ticks after the one before (a tick may
 * run late by one whole tick under load without anyone being told), and <em>stale</em> when it is
 * more than three ticks old: by then at least two ticks were missed, and readers must not take it
 * for the present. A declared daemon gets two ticks of grace to report after a start by default.
 */
public record Freshness(Duration tick) {

  private static final int ON_TIME_TICKS = 2;
  private static final int STALE_AFTER_TICKS = 3;
  private static final int GRACE_TICKS = 2;

  /** True when a snapshot taken at {@code takenAt} must not be read as current at {@code now}. */
  public boolean isStale(Instant takenAt, Instant now) {
    return Ages.isStale(takenAt, now, staleAfter());
  }

  /** True when a snapshot at {@code now} came on time after the one at {@code previous}. */
  public boolean onTime(Instant previous, Instant now) {
    return !Ages.isStale(previous, now, tick.multipliedBy(ON_TIME_TICKS));
  }

  /** The age past which a snapshot is stale. */
  public Duration staleAfter() {
    return tick.multipliedBy(STALE_AFTER_TICKS);
  }

  /** How long a declared daemon may stay unreported after a start when it names no grace. */
  public Duration defaultGrace() {
    return tick.multipliedBy(GRACE_TICKS);
  }
}
