package dev.ghost.gateway.source;

import dev.ghost.gateway.domain.Ages;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongPredicate;

/**
 * One daemon as the orchestrator's registry file lists it.
 *
 * @param timestamp when the orchestrator last updated the entry, or null when the entry has none
 * @param pid the daemon's process id on this host, or null
 */
public record RegistryEntry(DaemonName name, boolean alive, Instant timestamp, Long pid) {

  static final String SOURCE = "registry";

  /**
   * Judges the entry at {@code now}. The orchestrator's own word comes first (alive=false), then
   * its freshness (an orchestrator that stopped updating knows nothing current), then whether the
   * process it names still runs here.
   *
   * @param last this daemon's previous judgement, or null: where it says the same it is reused (its
   *     reason text, or the whole observation), since at 10,000 daemons the tick otherwise wrote
   *     10,000 "pid ... runs" again and made as many new observations of an unchanged registry
   */
  public Observation judge(
      Instant now, Duration maxAge, LongPredicate processRuns, Observation last) {
    if (!alive) {
      return observation(DaemonState.DOWN, "registry says alive=false");
    }
    if (timestamp == null) {
      return observation(DaemonState.DOWN, "registry entry has no timestamp");
    }
    if (Ages.isStale(timestamp, now, maxAge)) {
      return observation(
          DaemonState.DOWN,
          "registry entry is "
              + Ages.secondsBetween(timestamp, now)
              + " s old (max "
              + maxAge.toSeconds()
              + " s)");
    }
    if (pid != null && !processRuns.test(pid)) {
      return observation(DaemonState.DOWN, "pid " + pid + " is not running");
    }
    if (pid == null) {
      return observation(DaemonState.UP, "registry says alive");
    }
    if (last == null || last.state() != DaemonState.UP || !pid.equals(last.pid())) {
      return observation(DaemonState.UP, "pid " + pid + " runs");
    }
    // Up, with the same pid: the same reason, and the same observation if it was seen then too.
    return timestamp.equals(last.lastSeen())
        ? last
        : new Observation(name, DaemonState.UP, last.reason(), SOURCE, timestamp, last.pid());
  }

  private Observation observation(DaemonState state, String reason) {
    return new Observation(name, state, reason, SOURCE, timestamp, pid);
  }
}
