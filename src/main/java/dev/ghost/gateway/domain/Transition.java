package dev.ghost.gateway.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One daemon's change of state between two snapshots, or a note of what people did about it.
 *
 * @param from the state before, or null when the daemon appeared
 * @param to the state after, or null when the daemon was removed
 * @param kind what happened: derived from the states for a change, given for a note
 */
public record Transition(
    DaemonName daemon,
    DaemonState from,
    DaemonState to,
    Instant at,
    String reason,
    String source,
    TransitionKind kind) {

  public Transition {
    Objects.requireNonNull(daemon, "daemon");
    Objects.requireNonNull(at, "at");
    if (from == null && to == null) {
      throw new IllegalArgumentException("a transition needs a state before or after");
    }
    reason = reason == null ? "" : reason;
    source = source == null ? "" : source;
    kind = kind == null ? changeOf(from, to) : kind;
  }

  /** A change of state; its kind follows from the states. */
  public Transition(
      DaemonName daemon,
      DaemonState from,
      DaemonState to,
      Instant at,
      String reason,
      String source) {
    this(daemon, from, to, at, reason, source, null);
  }

  /**
   * A note in the log: something people did about a daemon ({@link TransitionKind#isNote}), its
   * state unchanged, so the history and availability read through it.
   */
  public static Transition note(
      TransitionKind kind,
      DaemonName daemon,
      DaemonState state,
      Instant at,
      String reason,
      String source) {
    if (!kind.isNote()) {
      throw new IllegalArgumentException(kind + " is a change, not a note");
    }
    return new Transition(daemon, state, state, at, reason, source, kind);
  }

  private static TransitionKind changeOf(DaemonState from, DaemonState to) {
    if (from == null) {
      return TransitionKind.APPEARED;
    }
    if (to == null) {
      return TransitionKind.REMOVED;
    }
    return TransitionKind.valueOf(to.name());
  }
}
