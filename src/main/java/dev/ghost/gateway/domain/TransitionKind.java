package dev.ghost.gateway.domain;

import java.util.Locale;

/** The kinds of change a {@link Transition} can be. */
public enum TransitionKind {
  APPEARED,
  REMOVED,
  DOWN,
  UP,
  UNKNOWN;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wire() {
    return wire;
  }
}
