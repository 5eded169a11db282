package dev.ghost.gateway.alert;

import dev.ghost.gateway.domain.DaemonState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the policy remembers about one daemon between snapshots.
 *
 * @param announced what people were last told: UP (nothing outstanding) or DOWN
 * @param downSince when the announced downtime began, or null
 * @param streak consecutive snapshots in which the daemon's state differed from {@code announced}
 * @param changes when the daemon recently changed state, oldest first (for flapping)
 * @param flapping whether a "flapping" message went out and the daemon has not settled since
 * @param silenced whether its DOWN was taken in silently under a silence (told when it ends)
 * @param lastSent when a message about it last went out, or null (for reminders)
 */
public record DaemonAlert(
    DaemonState announced,
    Instant downSince,
    int streak,
    List<Instant> changes,
    boolean flapping,
    boolean silenced,
    Instant lastSent) {

  /** A daemon the policy has nothing to remember about; it needs no stored row. */
  public static final DaemonAlert QUIET =
      new DaemonAlert(DaemonState.UP, null, 0, List.of(), false, false, null);

  public DaemonAlert {
    Objects.requireNonNull(announced, "announced");
    changes = List.copyOf(changes);
  }

  public boolean quiet() {
    return equals(QUIET);
  }

  DaemonAlert withStreak(int newStreak) {
    return new DaemonAlert(announced, downSince, newStreak, changes, flapping, silenced, lastSent);
  }

  DaemonAlert withFlapping(boolean newFlapping, Instant sent) {
    return new DaemonAlert(announced, downSince, streak, changes, newFlapping, silenced, sent);
  }

  /** The end of a flapping episode: its changes are spent, counting starts afresh. */
  DaemonAlert settled() {
    return new DaemonAlert(announced, downSince, streak, List.of(), false, silenced, lastSent);
  }

  DaemonAlert announcedDown(Instant since, boolean quietly, Instant sent) {
    return new DaemonAlert(DaemonState.DOWN, since, 0, changes, flapping, quietly, sent);
  }

  DaemonAlert announcedUp() {
    return new DaemonAlert(DaemonState.UP, null, 0, changes, flapping, false, null);
  }

  DaemonAlert reminded(Instant sent) {
    return new DaemonAlert(announced, downSince, streak, changes, flapping, false, sent);
  }
}
