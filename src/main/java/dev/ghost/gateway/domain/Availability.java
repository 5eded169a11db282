package dev.ghost.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The share of a window a daemon was UP, from its transitions. Time the gateway knew nothing
 * (before the daemon appeared, after it was removed, or while UNKNOWN) is left out, so a daemon
 * added an hour ago is judged on that hour, not on the whole day.
 */
public final class Availability {

  private Availability() {}

  /**
   * @param stateAtStart the daemon's state when the window opened, or null when it did not exist
   * @param transitions its transitions inside the window, oldest first
   * @return the UP share from 0 to 1, or empty when no UP or DOWN time fell in the window
   */
  public static OptionalDouble over(
      Instant windowStart, Instant now, DaemonState stateAtStart, List<Transition> transitions) {
    long up = 0;
    long down = 0;
    DaemonState state = stateAtStart;
    Instant from = windowStart;
    for (Transition transition : transitions) {
      Instant at = transition.at().isBefore(windowStart) ? windowStart : transition.at();
      long span = Duration.between(from, at).toMillis();
      if (state == DaemonState.UP) {
        up += span;
      } else if (state == DaemonState.DOWN) {
        down += span;
      }
      state = transition.to();
      from = at;
    }
    long last = Duration.between(from, now).toMillis();
    if (state == DaemonState.UP) {
      up += last;
    } else if (state == DaemonState.DOWN) {
      down += last;
    }
    return up + down == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) up / (up + down));
  }
}
