package dev.ghost.gateway.domain;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every daemon's state at one instant. Immutable; sequences strictly increase across the life of a
 * data directory, so a reader can tell a newer snapshot from an older one without clocks.
 *
 * @param daemons by name, iterated in name order
 */
public record Snapshot(long sequence, Instant takenAt, Map<DaemonName, DaemonStatus> daemons) {

  private static final Comparator<DaemonStatus> BY_NAME = Comparator.comparing(DaemonStatus::name);

  public static final Snapshot EMPTY = Snapshot.of(0, Instant.EPOCH, List.of());

  /**
   * Copies into a map with hash lookups and name-ordered iteration: a tick at 10,000 daemons makes
   * 20,000 lookups, where a tree map's string comparisons would cost more than the rest of the
   * diff.
   */
  public Snapshot {
    if (!(daemons instanceof NameOrdered)) {
      daemons = new NameOrdered(daemons.values());
    }
  }

  public static Snapshot of(long sequence, Instant takenAt, Collection<DaemonStatus> statuses) {
    return new Snapshot(sequence, takenAt, new NameOrdered(statuses));
  }

  public Counts counts() {
    return Counts.of(daemons.values());
  }

  /** An unmodifiable map of statuses by name, in name order, built once. */
  private static final class NameOrdered extends AbstractMap<DaemonName, DaemonStatus> {
    private final Map<DaemonName, DaemonStatus> byName;

    NameOrdered(Collection<DaemonStatus> statuses) {
      List<DaemonStatus> sorted = new ArrayList<>(statuses);
      sorted.sort(BY_NAME);
      Map<DaemonName, DaemonStatus> map = new LinkedHashMap<>(sorted.size() * 4 / 3 + 1);
      sorted.forEach(status -> map.put(status.name(), status));
      byName = Collections.unmodifiableMap(map);
    }

    @Override
    public Set<Entry<DaemonName, DaemonStatus>> entrySet() {
      return byName.entrySet();
    }

    @Override
    public DaemonStatus get(Object name) {
      return byName.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
      return byName.containsKey(name);
    }

    @Override
    public Collection<DaemonStatus> values() {
      return byName.values();
    }

    @Override
    public int size() {
      return byName.size();
    }
  }
}
