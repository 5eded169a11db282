package dev.ghost.gateway;

import dev.ghost.gateway.snapshot.TickResult;
import dev.ghost.gateway.store.WalCheckpoints;
import dev.ghost.gateway.time.Ticker;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Copies SQLite's log into its file on the snapshot thread, after a snapshot, at most once a
 * second. On a thread of its own the checkpoint ran in the middle of snapshots: its copy and fsync
 * (35-68 ms for the ~8,000 pages a second of 10,000 daemons with 1% flipping writes) held up the
 * snapshot's own status.json fsync and shared its two cores, and the ticks it overlapped were the
 * slowest (bench/run.sh tick, 1% flipping: p99 52-53 ms then, 36-40 ms in alternating runs now).
 * Between snapshots it delays only a snapshot a signal asks for while it runs, by what is left of
 * it: a few milliseconds at a hundred daemons.
 *
 * <p>Ticks come at least every {@code gateway.tick}, so the writes made between them (sends marked,
 * silences, acknowledgements) wait that long at most to be copied.
 */
public final class CheckpointsBetweenSnapshots implements Consumer<TickResult> {

  private static final Logger LOG = Logger.getLogger(CheckpointsBetweenSnapshots.class.getName());

  private static final Duration EVERY = Duration.ofSeconds(1);

  private final WalCheckpoints checkpoints;
  private final Ticker ticker;
  private Instant last;
  private String lastProblem;

  public CheckpointsBetweenSnapshots(WalCheckpoints checkpoints, Ticker ticker) {
    this.checkpoints = checkpoints;
    this.ticker = ticker;
  }

  @Override
  public void accept(TickResult snapshotJustTaken) {
    Instant now = ticker.now();
    if (last != null && now.isBefore(last.plus(EVERY))) {
      return;
    }
    last = now;
    try {
      checkpoints.checkpoint();
      lastProblem = null;
    } catch (SQLException | RuntimeException e) {
      if (!e.toString().equals(lastProblem)) {
        lastProblem = e.toString();
        LOG.warning(
            "cannot checkpoint the store's log; trying again after the next snapshot: " + e);
      }
    }
  }
}
