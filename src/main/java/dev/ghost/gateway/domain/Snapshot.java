package dev.ghost.gateway.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every daemon's state at one instant. Immutable; sequences strictly increase across the life of a
 * data directory, so a reader can tell a newer snapshot from an older one without clocks.
 */
public record Snapshot(
    long sequence, Instant takenAt, SortedMap<DaemonName, DaemonStatus> daemons) {

  public static final Snapshot EMPTY = new Snapshot(0, Instant.EPOCH, new TreeMap<>());

  public Snapshot {
    daemons = Collections.unmodifiableSortedMap(new TreeMap<>(daemons));
  }

  public static Snapshot of(long sequence, Instant takenAt, Iterable<DaemonStatus> statuses) {
    SortedMap<DaemonName, DaemonStatus> byName = new TreeMap<>();
    statuses.forEach(status -> byName.put(status.name(), status));
    return new Snapshot(sequence, takenAt, byName);
  }

  public Map<DaemonState, Integer> counts() {
    Map<DaemonState, Integer> counts = new EnumMap<>(DaemonState.class);
    for (DaemonState state : DaemonState.values()) {
      counts.put(state, 0);
    }
    daemons.values().forEach(status -> counts.merge(status.state(), 1, Integer::sum));
    return counts;
  }

  public boolean allUp() {
    return daemons.values().stream().allMatch(DaemonStatus::alive);
  }
}
