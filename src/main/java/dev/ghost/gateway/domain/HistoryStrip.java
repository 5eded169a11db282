package dev.ghost.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A daemon's recent history in equal slices (an hour each for a day, by default), each the worst
 * state it was in during that slice, or null where the gateway did not know the daemon yet. What a
 * status page draws as a strip of coloured bars.
 */
public final class HistoryStrip {

  private HistoryStrip() {}

  /**
   * @param current the daemon's state now
   * @param changes its transitions inside {@code [from, to)}, oldest first
   */
  public static List<DaemonState> of(
      DaemonState current, List<Transition> changes, Instant from, Instant to, int slices) {
    DaemonState[] worst = new DaemonState[slices];
    long width = Math.max(1, Duration.between(from, to).toMillis() / slices);
    // The state before the first change is where that change came from (null: not there yet).
    DaemonState state = changes.isEmpty() ? current : changes.get(0).from();
    Instant start = from;
    for (Transition change : changes) {
      mark(worst, state, start, change.at(), from, width);
      state = change.to();
      start = change.at();
    }
    mark(worst, state, start, to, from, width);
    return new ArrayList<>(Arrays.asList(worst));
  }

  /** Folds {@code state}, held over {@code [start, end)}, into every slice it touches. */
  private static void mark(
      DaemonState[] worst,
      DaemonState state,
      Instant start,
      Instant end,
      Instant from,
      long width) {
    if (state == null || !end.isAfter(start)) {
      return;
    }
    int first = slice(start, from, width, worst.length);
    int last = slice(end.minusMillis(1), from, width, worst.length);
    for (int i = first; i <= last; i++) {
      worst[i] = worst[i] == null ? state : DaemonState.worse(worst[i], state);
    }
  }

  private static int slice(Instant at, Instant from, long width, int slices) {
    long index = Duration.between(from, at).toMillis() / width;
    return (int) Math.max(0, Math.min(slices - 1, index));
  }
}
