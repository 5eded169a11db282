package dev.ghost.gateway.snapshot;

import dev.ghost.gateway.source.ChangeSignal;
import dev.ghost.gateway.time.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the {@link SnapshotEngine} (through {@link Ticks}) on one thread: every tick, and at once
 * when a source signals a change. It waits on a {@link Ticker}, so a test drives its ticks and
 * retries by moving the time.
 *
 * <p>Signals are folded, not queued: the first one starts a snapshot at once, and every signal that
 * arrives before that snapshot starts rides along with it. A signal that arrives while a snapshot
 * runs makes exactly one more. So a burst of a thousand signals costs a few snapshots, and no
 * signal is ever later than one snapshot's duration.
 */
public final class SnapshotScheduler implements ChangeSignal, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SnapshotScheduler.class.getName());

  /** How soon a snapshot the store could not record is taken again. */
  static final Duration STORE_RETRY = Duration.ofSeconds(1);

  /** How long {@link #close} lets a snapshot in progress finish. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final Ticks ticks;
  private final Duration tick;
  private final Ticker ticker;
  private final Consumer<TickResult> observer;
  private final Object signal = new Object();
  private final Thread thread = new Thread(this::loop, "snapshot");

  // Guarded by signal.
  private boolean changed;
  private boolean closing;

  // The snapshot thread's own.
  private Instant nextTick;

  /**
   * When the store refused a snapshot: one retry at a time, however many snapshots it refuses, so a
   * store that stays down is asked once a second more, not once more per refusal.
   */
  private Instant retryAt;

  public SnapshotScheduler(
      Ticks ticks, Duration tick, Ticker ticker, Consumer<TickResult> observer) {
    this.ticks = ticks;
    this.tick = tick;
    this.ticker = ticker;
    this.observer = observer;
    thread.setDaemon(true);
  }

  /** Takes the first snapshot at once, then one a tick. */
  public void start() {
    nextTick = ticker.now();
    thread.start();
  }

  @Override
  public void changed() {
    synchronized (signal) {
      changed = true;
      signal.notifyAll();
    }
  }

  private void loop() {
    try {
      while (awaitDue()) {
        Instant now = ticker.now();
        if (!now.isBefore(nextTick)) {
          // At a fixed rate; a tick missed by a slow snapshot is not made up in a burst.
          nextTick = nextTick.plus(tick);
          if (!nextTick.isAfter(now)) {
            nextTick = now.plus(tick);
          }
        }
        if (retryAt != null && !now.isBefore(retryAt)) {
          retryAt = null;
        }
        takeOne(now);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for a tick, a retry or a signal; false once closing. */
  private boolean awaitDue() throws InterruptedException {
    synchronized (signal) {
      while (!closing && !changed && ticker.now().isBefore(due())) {
        ticker.await(signal, due());
      }
      // Cleared before the snapshot starts: a signal from now on may see state this one misses.
      changed = false;
      return !closing;
    }
  }

  private Instant due() {
    return retryAt != null && retryAt.isBefore(nextTick) ? retryAt : nextTick;
  }

  private void takeOne(Instant now) {
    try {
      Optional<TickResult> taken = ticks.take();
      if (taken.isEmpty()) {
        return; // another instance leads
      }
      TickResult result = taken.get();
      if (result.storeError().isPresent() && retryAt == null) {
        // Its changes (and their alerts) wait for the next recorded snapshot: try again soon
        // rather than a whole tick later.
        retryAt = now.plus(STORE_RETRY);
      }
      observer.accept(result);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "snapshot failed; the next tick tries again", e);
    }
  }

  /** Stops ticking; a snapshot in progress finishes first. */
  @Override
  public void close() throws InterruptedException {
    synchronized (signal) {
      closing = true;
      signal.notifyAll();
    }
    thread.join(CLOSE_WAIT.toMillis());
  }
}
