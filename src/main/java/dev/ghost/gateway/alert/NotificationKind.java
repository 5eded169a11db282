package dev.ghost.gateway.alert;

import java.util.Locale;

/** What a notification tells people. */
public enum NotificationKind {
  /** A daemon is confirmed down. */
  DOWN,
  /** A daemon that was announced down is up again. */
  RECOVERED,
  /** A daemon changes state too often to announce each change. */
  FLAPPING,
  /** A daemon is still down, {@code remind-every} after the last message about it. */
  REMINDER,
  /** A silence ended while the daemon it covered is down. */
  STILL_DOWN,
  /** A daemon announced down left the registry. */
  REMOVED,
  /** The first start of a gateway: one message about every daemon. */
  SUMMARY,
  /** Someone took a daemon's incident (its reason names who): no more reminders about it. */
  ACKNOWLEDGED,
  /** Someone silenced a daemon from Slack (its reason names who and for how long). */
  SILENCED;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wire() {
    return wire;
  }

  public static NotificationKind fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }

  /** Whether the message reports trouble (red) rather than good news or information. */
  public boolean bad() {
    return this == DOWN || this == REMINDER || this == STILL_DOWN || this == FLAPPING;
  }
}
