package dev.ghost.gateway.domain;

import java.util.ArrayList;
import java.util.List;

/** The changes of state between two successive snapshots. */
public final class SnapshotDiff {

  private SnapshotDiff() {}

  /**
   * Returns one transition per daemon whose state changed, appeared or disappeared, in name order.
   * A change of reason alone is not a transition: a down daemon whose reason goes from "no
   * heartbeat for 60 s" to "for 75 s" has not changed state, and saying so would cry wolf.
   */
  public static List<Transition> between(Snapshot previous, Snapshot next) {
    List<Transition> transitions = new ArrayList<>();
    for (DaemonStatus now : next.daemons().values()) {
      DaemonStatus before = previous.daemons().get(now.name());
      if (before == null || before.state() != now.state()) {
        transitions.add(
            new Transition(
                now.name(),
                before == null ? null : before.state(),
                now.state(),
                next.takenAt(),
                now.reason(),
                now.source()));
      }
    }
    for (DaemonStatus gone : previous.daemons().values()) {
      if (!next.daemons().containsKey(gone.name())) {
        transitions.add(
            new Transition(
                gone.name(),
                gone.state(),
                null,
                next.takenAt(),
                "no source reports it any more",
                gone.source()));
      }
    }
    transitions.sort((a, b) -> a.daemon().compareTo(b.daemon()));
    return List.copyOf(transitions);
  }
}
