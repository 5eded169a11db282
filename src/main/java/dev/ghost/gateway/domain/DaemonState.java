package dev.ghost.gateway.domain;

import java.util.Locale;

/** What the gateway believes about a daemon. */
public enum DaemonState {
  UP(0),
  UNKNOWN(1),
  DOWN(2);

  /**
   * When two sources disagree about one daemon, the worse report wins: a daemon that one source
   * sees as down is down, and a daemon that one source cannot vouch for is not yet up.
   */
  private final int severity;

  private final String wire;

  DaemonState(int severity) {
    this.severity = severity;
    this.wire = name().toLowerCase(Locale.ROOT);
  }

  public static DaemonState worse(DaemonState a, DaemonState b) {
    return a.severity >= b.severity ? a : b;
  }

  /** The lower-case spelling used in JSON, logs and the event log. */
  public String wire() {
    return wire;
  }

  public static DaemonState fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
