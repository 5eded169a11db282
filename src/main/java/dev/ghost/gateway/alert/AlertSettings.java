package dev.ghost.gateway.alert;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The alert policy's knobs.
 *
 * @param downAfter consecutive DOWN snapshots before a DOWN is announced
 * @param upAfter consecutive UP snapshots before a recovery is announced
 * @param flapChanges changes of one daemon within {@code flapWindow} that make it flapping
 * @param flapQuiet how long a flapping daemon must stay in one state before it is announced again
 * @param remindEvery how often a daemon that stays down is announced again; empty for never
 * @param confirmingSources sources whose DOWN is already confirmed (a fail signal, an expired
 *     heartbeat): waiting for a second snapshot would only delay a certain alert
 */
public record AlertSettings(
    int downAfter,
    int upAfter,
    int flapChanges,
    Duration flapWindow,
    Duration flapQuiet,
    Optional<Duration> remindEvery,
    Set<String> confirmingSources) {

  public AlertSettings {
    if (downAfter < 1 || upAfter < 1 || flapChanges < 2) {
      throw new IllegalArgumentException("down-after and up-after >= 1, flap-changes >= 2");
    }
    Objects.requireNonNull(flapWindow, "flapWindow");
    Objects.requireNonNull(flapQuiet, "flapQuiet");
    confirmingSources = Set.copyOf(confirmingSources);
  }

  /** The defaults the issue names: 2 / 1, 4 changes in 10 min, 5 min quiet, reminders every 4 h. */
  public static AlertSettings defaults(Set<String> confirmingSources) {
    return new AlertSettings(
        2,
        1,
        4,
        Duration.ofMinutes(10),
        Duration.ofMinutes(5),
        Optional.of(Duration.ofHours(4)),
        confirmingSources);
  }

  /** How far back changes must be remembered to judge both flapping and its end. */
  Duration changeMemory() {
    return flapWindow.compareTo(flapQuiet) >= 0 ? flapWindow : flapQuiet;
  }
}
