package dev.ghost.gateway.source;

import dev.ghost.gateway.domain.Ages;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.LastWord;
import dev.ghost.gateway.domain.Observation;
import dev.ghost.gateway.domain.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Daemons that push heartbeats and fail signals. A heartbeat keeps a daemon UP until its TTL runs
 * out; a fail signal makes it DOWN at once. Each heartbeat schedules a snapshot for the instant its
 * TTL ends, so an expiry is seen within milliseconds rather than at the next tick.
 */
public final class HeartbeatSource implements DaemonSource {

  public static final String SOURCE = "heartbeat";

  private final Clock clock;
  private final Duration defaultTtl;
  private final ScheduledExecutorService timer;
  private final ChangeSignal signal;
  private final Map<DaemonName, Beat> beats = new ConcurrentHashMap<>();
  private final Map<DaemonName, ScheduledFuture<?>> expiries = new ConcurrentHashMap<>();

  public HeartbeatSource(
      Clock clock, Duration defaultTtl, ScheduledExecutorService timer, ChangeSignal signal) {
    this.clock = Objects.requireNonNull(clock);
    this.defaultTtl = Objects.requireNonNull(defaultTtl);
    this.timer = Objects.requireNonNull(timer);
    this.signal = Objects.requireNonNull(signal);
  }

  @Override
  public String name() {
    return SOURCE;
  }

  /** How long a heartbeat that names no TTL keeps a daemon up. */
  public Duration defaultTtl() {
    return defaultTtl;
  }

  /**
   * Records a heartbeat. Signals a snapshot only when it changes what the gateway believes (a new
   * daemon, or one that was failed or expired), so a steady stream of heartbeats costs no
   * snapshots.
   */
  public void beat(DaemonName name, Duration ttl, String message) {
    Instant now = clock.instant();
    Duration effective = ttl == null ? defaultTtl : ttl;
    accept(new LastWord(name, now, now.plus(effective), message, null));
  }

  /** Marks the daemon DOWN at once, until its next heartbeat. */
  public void fail(DaemonName name, String message) {
    Instant now = clock.instant();
    Beat before = beats.get(name);
    accept(new LastWord(name, before == null ? null : before.at(), now, message, now));
  }

  /**
   * Takes a daemon's last word as it was said, wherever it was said (on several instances, the one
   * that received it stored it for the leader).
   */
  public void accept(LastWord word) {
    Instant now = clock.instant();
    String message = Text.message(word.message());
    if (word.failedAt() != null) {
      beats.put(word.daemon(), Beat.failed(word.at(), word.failedAt(), message));
      cancelExpiry(word.daemon());
      signal.changed();
      return;
    }
    Duration ttl = Duration.between(word.at(), word.expiresAt());
    Beat before = beats.put(word.daemon(), Beat.alive(word.at(), word.expiresAt(), ttl, message));
    scheduleExpiry(word.daemon(), Duration.between(now, word.expiresAt()));
    if (before == null || before.failed() || !now.isBefore(before.expiresAt())) {
      signal.changed();
    }
  }

  /**
   * Takes back a daemon known from before a restart. No heartbeat could reach a stopped gateway, so
   * one that was UP gets one full TTL from now before it counts as missing; one that was DOWN stays
   * DOWN until its next heartbeat, so a restart never announces a recovery that did not happen.
   */
  @Override
  public void restore(DaemonStatus known) {
    Instant now = clock.instant();
    if (known.state() == DaemonState.DOWN) {
      beats.putIfAbsent(known.name(), Beat.down(known.lastSeen(), now, known.reason()));
      return;
    }
    beats.putIfAbsent(
        known.name(), Beat.alive(known.lastSeen(), now.plus(defaultTtl), defaultTtl, null));
    scheduleExpiry(known.name(), defaultTtl);
  }

  @Override
  public List<Observation> observe(Instant now) {
    List<Observation> observations = new ArrayList<>(beats.size());
    beats.forEach((name, beat) -> observations.add(beat.judge(name, now)));
    return observations;
  }

  private void scheduleExpiry(DaemonName name, Duration ttl) {
    // One millisecond past the TTL, so the snapshot it triggers sees the beat as expired.
    ScheduledFuture<?> next =
        timer.schedule(signal::changed, Math.max(0, ttl.toMillis()) + 1, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> previous = expiries.put(name, next);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  private void cancelExpiry(DaemonName name) {
    ScheduledFuture<?> previous = expiries.remove(name);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  /**
   * The last word from one daemon.
   *
   * @param at the last heartbeat, or null when there never was one
   * @param failedAt when a fail signal came, or null when the daemon is not failed
   */
  private record Beat(
      Instant at, Instant expiresAt, Duration ttl, String message, Instant failedAt) {

    static Beat alive(Instant at, Instant expiresAt, Duration ttl, String message) {
      return new Beat(at, expiresAt, ttl, message, null);
    }

    static Beat failed(Instant lastBeat, Instant failedAt, String message) {
      String reason =
          message == null || message.isBlank() ? "fail signal" : "fail signal: " + message;
      return new Beat(lastBeat, failedAt, Duration.ZERO, reason, failedAt);
    }

    /** A daemon restored as DOWN keeps the reason it had. */
    static Beat down(Instant lastBeat, Instant now, String reason) {
      return new Beat(lastBeat, now, Duration.ZERO, reason, now);
    }

    boolean failed() {
      return failedAt != null;
    }

    Observation judge(DaemonName name, Instant now) {
      if (failed()) {
        return new Observation(name, DaemonState.DOWN, message, SOURCE, at, null);
      }
      if (!now.isBefore(expiresAt)) {
        long silent = at == null ? ttl.toSeconds() : Ages.secondsBetween(at, now);
        return new Observation(
            name, DaemonState.DOWN, "no heartbeat for " + silent + " s", SOURCE, at, null);
      }
      String reason = message == null || message.isBlank() ? "heartbeat" : "heartbeat: " + message;
      return new Observation(name, DaemonState.UP, reason, SOURCE, at, null);
    }
  }
}
