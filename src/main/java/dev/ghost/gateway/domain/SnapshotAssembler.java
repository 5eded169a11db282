package dev.ghost.gateway.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Folds the sources' observations and the declared daemons into the next snapshot. */
public final class SnapshotAssembler {

  private static final String CONFIG_SOURCE = "config";

  private SnapshotAssembler() {}

  public static Snapshot next(
      Snapshot previous,
      long sequence,
      Instant now,
      Collection<Observation> observations,
      Collection<DeclaredDaemon> declared) {
    // Each report goes to its daemon's place in the previous snapshot, found through that
    // snapshot's index of names; only daemons new since then need a map of their own.
    Observation[] known = new Observation[previous.daemons().size()];
    Map<DaemonName, Observation> appeared = new HashMap<>();
    for (Observation observation : observations) {
      int place = previous.placeOf(observation.name());
      if (place < 0) {
        appeared.merge(observation.name(), observation, SnapshotAssembler::worse);
      } else {
        known[place] = known[place] == null ? observation : worse(known[place], observation);
      }
    }
    for (DeclaredDaemon daemon : declared) {
      int place = previous.placeOf(daemon.name());
      if (place < 0) {
        appeared.computeIfAbsent(daemon.name(), name -> unreported(null, now, daemon));
      } else if (known[place] == null) {
        known[place] = unreported(previous.at(place), now, daemon);
      }
    }
    // Known daemons first, in the previous snapshot's name order, then the new ones: the snapshot
    // then finds the previous index of names will do, or a list nearly sorted.
    List<DaemonStatus> statuses = new ArrayList<>(known.length + appeared.size());
    boolean unchanged = true;
    int place = 0;
    for (DaemonStatus before : previous.daemons().values()) {
      Observation observation = known[place++];
      if (observation == null) {
        unchanged = false;
        continue;
      }
      DaemonStatus status = statusOf(before, now, observation);
      unchanged &= status == before;
      statuses.add(status);
    }
    if (unchanged && appeared.isEmpty()) {
      // Every daemon as it was: the previous map serves again, not a copy of it.
      return new Snapshot(sequence, now, previous.daemons());
    }
    for (Observation observation : appeared.values()) {
      statuses.add(statusOf(null, now, observation));
    }
    return Snapshot.of(sequence, now, statuses, previous);
  }

  /**
   * The worse of two reports about one daemon. On a tie the one seen more recently wins, so the
   * reason shown is the freshest.
   */
  private static Observation worse(Observation a, Observation b) {
    if (a.state() != b.state()) {
      return DaemonState.worse(a.state(), b.state()) == a.state() ? a : b;
    }
    if (a.lastSeen() == null) {
      return b;
    }
    if (b.lastSeen() == null) {
      return a;
    }
    return b.lastSeen().isAfter(a.lastSeen()) ? b : a;
  }

  /**
   * A declared daemon no source reports. One that was seen before has gone silent and is down at
   * once; one never seen gets until its grace deadline, since sources may simply not have caught up
   * after a start.
   *
   * @param before its status in the previous snapshot, or null
   */
  private static Observation unreported(DaemonStatus before, Instant now, DeclaredDaemon daemon) {
    if (before != null && !CONFIG_SOURCE.equals(before.source())) {
      return new Observation(
          daemon.name(),
          DaemonState.DOWN,
          "declared, but no source reports it any more",
          CONFIG_SOURCE,
          before.lastSeen(),
          null);
    }
    if (now.isBefore(daemon.reportBy())) {
      return new Observation(
          daemon.name(),
          DaemonState.UNKNOWN,
          "declared, not reported yet",
          CONFIG_SOURCE,
          null,
          null);
    }
    return new Observation(
        daemon.name(),
        DaemonState.DOWN,
        "declared, but no source reported it by " + daemon.reportBy(),
        CONFIG_SOURCE,
        null,
        null);
  }

  /**
   * The daemon's status as {@code observation} says, {@code before} being its status in the
   * previous snapshot or null; that very object when nothing in it changed, so that the next steps
   * (diff, rendering) see it unchanged at a glance.
   */
  private static DaemonStatus statusOf(DaemonStatus before, Instant now, Observation observation) {
    Instant since = before != null && before.state() == observation.state() ? before.since() : now;
    Instant lastSeen =
        observation.lastSeen() == null && before != null
            ? before.lastSeen()
            : observation.lastSeen();
    if (before != null
        && before.state() == observation.state()
        && before.reason().equals(observation.reason())
        && before.source().equals(observation.source())
        && Objects.equals(before.lastSeen(), lastSeen)
        && Objects.equals(before.pid(), observation.pid())) {
      return before;
    }
    return new DaemonStatus(
        observation.name(),
        observation.state(),
        since,
        observation.reason(),
        observation.source(),
        lastSeen,
        observation.pid());
  }
}
