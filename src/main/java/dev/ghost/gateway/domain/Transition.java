package dev.ghost.gateway.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One daemon's change of state between two snapshots.
 *
 * @param from the state before, or null when the daemon appeared
 * @param to the state after, or null when the daemon was removed
 */
public record Transition(
    DaemonName daemon, DaemonState from, DaemonState to, Instant at, String reason, String source) {

  public Transition {
    Objects.requireNonNull(daemon, "daemon");
    Objects.requireNonNull(at, "at");
    if (from == null && to == null) {
      throw new IllegalArgumentException("a transition needs a state before or after");
    }
    reason = reason == null ? "" : reason;
    source = source == null ? "" : source;
  }

  public TransitionKind kind() {
    if (from == null) {
      return TransitionKind.APPEARED;
    }
    if (to == null) {
      return TransitionKind.REMOVED;
    }
    return TransitionKind.valueOf(to.name());
  }
}
