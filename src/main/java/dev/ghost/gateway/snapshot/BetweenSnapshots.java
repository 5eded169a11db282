package dev.ghost.gateway.snapshot;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Snapshots and the work that must not overlap one take turns here: such work waits for a snapshot
 * in progress, and the next snapshot waits for it. The store's checkpoint is that work: run beside
 * a snapshot, its copy and fsync held up the snapshot's own status.json fsync and shared its two
 * cores, and the ticks it overlapped were the slowest (bench/run.sh tick, 1% flipping: p99 52-53
 * ms, 36-40 ms taking turns). Turns are fair: when snapshots come back to back, waiting work has
 * the next turn.
 */
public final class BetweenSnapshots {

  private final ReentrantLock turns = new ReentrantLock(true);

  /** Takes a snapshot in its turn. */
  public <T> T snapshot(Supplier<T> take) {
    turns.lock();
    try {
      return take.get();
    } finally {
      turns.unlock();
    }
  }

  /** Runs {@code work} on the caller's thread in its turn, between two snapshots. */
  public void run(Runnable work) {
    turns.lock();
    try {
      work.run();
    } finally {
      turns.unlock();
    }
  }
}
