package dev.ghost.gateway.cluster;

import dev.ghost.gateway.snapshot.SnapshotEngine;
import dev.ghost.gateway.snapshot.TickResult;
import dev.ghost.gateway.snapshot.Ticks;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The ticks of a cluster's instance: none while another leads; on the first tick of each new term,
 * the engine first resumes from what the leader before recorded (its baseline, its alert state, its
 * latest events), and the daemons' last words are read again from the store.
 */
public final class LeaderTicks implements Ticks {

  private static final Logger LOG = Logger.getLogger(LeaderTicks.class.getName());

  /** Reads again what the write side keeps in memory; run on the snapshot thread. */
  @FunctionalInterface
  public interface Resume {
    void run() throws SQLException;
  }

  private final SnapshotEngine engine;
  private final Leadership leadership;
  private final Resume alsoResume;
  private long resumedEpoch = -1;

  public LeaderTicks(SnapshotEngine engine, Leadership leadership, Resume alsoResume) {
    this.engine = engine;
    this.leadership = leadership;
    this.alsoResume = alsoResume;
  }

  @Override
  public Optional<TickResult> take() {
    if (!leadership.leading()) {
      return Optional.empty();
    }
    long epoch = leadership.epoch();
    if (epoch != resumedEpoch) {
      try {
        engine.resume();
        alsoResume.run();
      } catch (SQLException e) {
        LOG.warning("cannot resume from the store as leader; trying again next tick: " + e);
        return Optional.empty();
      }
      resumedEpoch = epoch;
    }
    return Optional.of(engine.take());
  }
}
