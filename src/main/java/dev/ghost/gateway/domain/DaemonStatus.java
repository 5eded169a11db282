package dev.ghost.gateway.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A daemon's state in one snapshot.
 *
 * @param since when the daemon entered its current state, as far as the gateway knows
 * @param lastSeen when a source last heard from the daemon itself, or null
 * @param pid the process id a source reported, or null
 */
public record DaemonStatus(
    DaemonName name,
    DaemonState state,
    Instant since,
    String reason,
    String source,
    Instant lastSeen,
    Long pid) {

  public DaemonStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    reason = reason == null ? "" : reason;
    source = source == null ? "" : source;
  }

  public boolean alive() {
    return state == DaemonState.UP;
  }

  /** Whether {@code other} differs from this at most in when the daemon was last heard from. */
  public boolean sameButLastSeen(DaemonStatus other) {
    return name.equals(other.name)
        && state == other.state
        && since.equals(other.since)
        && reason.equals(other.reason)
        && source.equals(other.source)
        && Objects.equals(pid, other.pid);
  }
}
