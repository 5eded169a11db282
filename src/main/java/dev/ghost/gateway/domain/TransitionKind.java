package dev.ghost.gateway.domain;

import java.util.Locale;

/** The kinds of change a {@link Transition} can be. */
public enum TransitionKind {
  APPEARED,
  REMOVED,
  DOWN,
  UP,
  UNKNOWN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
