package dev.ghost.gateway.domain;

import java.util.Locale;

/** The kinds of change a {@link Transition} can be, and the notes the log keeps beside them. */
public enum TransitionKind {
  APPEARED,
  REMOVED,
  DOWN,
  UP,
  UNKNOWN,
  /** A note: someone took the daemon's incident. */
  ACKNOWLEDGED,
  /** A note: someone silenced the daemon from Slack. */
  SILENCED;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wire() {
    return wire;
  }

  /** Whether this records what people did rather than a change of state. */
  public boolean isNote() {
    return this == ACKNOWLEDGED || this == SILENCED;
  }

  public static TransitionKind fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
