package dev.ghost.gateway.domain;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
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
      daemons = NameOrdered.of(daemons.values(), null);
    }
  }

  public static Snapshot of(long sequence, Instant takenAt, Collection<DaemonStatus> statuses) {
    return new Snapshot(sequence, takenAt, NameOrdered.of(statuses, null));
  }

  /**
   * The snapshot after {@code previous}. When it holds the same daemons, it shares the previous
   * one's index of names and holds only its statuses: a tick at 10,000 daemons then neither sorts
   * nor hashes them again, nor leaves 10,000 map entries for the collector to copy.
   */
  public static Snapshot of(
      long sequence, Instant takenAt, Collection<DaemonStatus> statuses, Snapshot previous) {
    return new Snapshot(sequence, takenAt, NameOrdered.of(statuses, previous.daemons()));
  }

  public Counts counts() {
    return Counts.of(daemons.values());
  }

  /**
   * Whether {@code other} holds the very daemons this one does, in the same places: then the two
   * can be compared place by place, without looking names up.
   */
  boolean sameDaemonsAs(Snapshot other) {
    return ((NameOrdered) daemons).index == ((NameOrdered) other.daemons).index;
  }

  /** The status at {@code place} in {@link #daemons()}' order. */
  DaemonStatus at(int place) {
    return ((NameOrdered) daemons).statuses[place];
  }

  /** Where {@code name} comes in {@link #daemons()}' order, or -1 when it is not there. */
  int placeOf(DaemonName name) {
    return ((NameOrdered) daemons).placeOf(name);
  }

  /** An unmodifiable map of statuses by name, in name order, built once. */
  private static final class NameOrdered extends AbstractMap<DaemonName, DaemonStatus> {

    /** The names in order and each one's place: the same for as long as the fleet is. */
    private record Index(DaemonName[] names, Map<DaemonName, Integer> places) {

      static Index of(DaemonStatus[] sorted) {
        DaemonName[] names = new DaemonName[sorted.length];
        Map<DaemonName, Integer> places = new HashMap<>(sorted.length * 4 / 3 + 1);
        for (int i = 0; i < sorted.length; i++) {
          names[i] = sorted[i].name();
          places.put(names[i], i);
        }
        return new Index(names, places);
      }

      /** Whether {@code statuses} are of these names, in this order. */
      boolean lists(DaemonStatus[] statuses) {
        if (statuses.length != names.length) {
          return false;
        }
        for (int i = 0; i < statuses.length; i++) {
          DaemonName name = statuses[i].name();
          if (name != names[i] && !name.equals(names[i])) {
            return false;
          }
        }
        return true;
      }
    }

    private final Index index;
    private final DaemonStatus[] statuses;
    private final List<DaemonStatus> values;

    private NameOrdered(Index index, DaemonStatus[] statuses) {
      this.index = index;
      this.statuses = statuses;
      this.values = Collections.unmodifiableList(Arrays.asList(statuses));
    }

    /** {@code previous}' index serves when the names are its own; else they are sorted anew. */
    static NameOrdered of(
        Collection<DaemonStatus> statuses, Map<DaemonName, DaemonStatus> previous) {
      DaemonStatus[] array = statuses.toArray(new DaemonStatus[0]);
      Index last = previous instanceof NameOrdered known ? known.index : null;
      if (last != null && last.lists(array)) {
        return new NameOrdered(last, array);
      }
      Arrays.sort(array, BY_NAME);
      array = lastOfEachName(array);
      return new NameOrdered(last != null && last.lists(array) ? last : Index.of(array), array);
    }

    /** A name given twice keeps its last status, as a map's put would. The sort was stable. */
    private static DaemonStatus[] lastOfEachName(DaemonStatus[] sorted) {
      List<DaemonStatus> kept = new ArrayList<>(sorted.length);
      for (int i = 0; i < sorted.length; i++) {
        if (i + 1 < sorted.length && sorted[i + 1].name().equals(sorted[i].name())) {
          continue;
        }
        kept.add(sorted[i]);
      }
      return kept.size() == sorted.length ? sorted : kept.toArray(new DaemonStatus[0]);
    }

    @Override
    public Set<Entry<DaemonName, DaemonStatus>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<DaemonName, DaemonStatus>> iterator() {
          Iterator<DaemonStatus> each = values.iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return each.hasNext();
            }

            @Override
            public Entry<DaemonName, DaemonStatus> next() {
              DaemonStatus status = each.next();
              return new SimpleImmutableEntry<>(status.name(), status);
            }
          };
        }

        @Override
        public int size() {
          return statuses.length;
        }
      };
    }

    int placeOf(Object name) {
      Integer place = index.places().get(name);
      return place == null ? -1 : place;
    }

    @Override
    public DaemonStatus get(Object name) {
      int place = placeOf(name);
      return place < 0 ? null : statuses[place];
    }

    @Override
    public boolean containsKey(Object name) {
      return index.places().containsKey(name);
    }

    @Override
    public Collection<DaemonStatus> values() {
      return values;
    }

    @Override
    public int size() {
      return statuses.length;
    }
  }
}
