package dev.ghost.gateway.query;

import dev.ghost.gateway.cluster.Leadership;
import dev.ghost.gateway.domain.Freshness;
import dev.ghost.gateway.snapshot.LatestTick;
import dev.ghost.gateway.snapshot.TickResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether the gateway tells the truth right now: its last snapshot is fresh, the store takes
 * writes, and status.json was written. Every tick writes the store, so the last tick's result is
 * the store's writability. In a cluster, a follower serves the leader's last snapshot, so its
 * freshness is the leader's; and an instance that cannot reach the store says so.
 */
@Singleton
public class Readiness {

  @Inject LatestTick latest;
  @Inject Clock clock;
  @Inject Freshness freshness;
  @Inject Leadership leadership;

  /**
   * The facts readiness is made of.
   *
   * @param statusFileError why status.json could not be written, or empty
   * @param cluster this instance's role and its leader when several share the store, or empty
   */
  public record Facts(
      long sequence,
      Duration age,
      boolean stale,
      boolean storeWritable,
      Optional<String> statusFileError,
      Optional<Leadership.View> cluster) {}

  /** The facts, or empty before the first snapshot. */
  public Optional<Facts> facts() {
    return latest.get().map(this::factsOf);
  }

  private Facts factsOf(TickResult last) {
    return new Facts(
        last.snapshot().sequence(),
        Duration.between(last.snapshot().takenAt(), clock.instant()),
        freshness.isStale(last.snapshot().takenAt(), clock.instant()),
        last.storeError().isEmpty(),
        last.writeError(),
        leadership.view());
  }
}
