package dev.ghost.gateway.snapshot;

import dev.ghost.gateway.source.ChangeSignal;
import dev.ghost.gateway.source.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the {@link SnapshotEngine} on one thread: every tick, and at once when a source signals a
 * change.
 *
 * <p>Signals are folded, not queued: the first one schedules a snapshot immediately, and every
 * signal that arrives before that snapshot starts rides along with it. A signal that arrives while
 * a snapshot runs schedules exactly one more. So a burst of a thousand signals costs a few
 * snapshots, and no signal is ever later than one snapshot's duration.
 */
public final class SnapshotScheduler implements ChangeSignal, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(SnapshotScheduler.class.getName());

  private final SnapshotEngine engine;
  private final Duration tick;
  private final Consumer<TickResult> observer;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("snapshot"));
  private final AtomicBoolean queued = new AtomicBoolean();

  /**
   * Whether a retry is already waiting. Without it every failed snapshot, the retries' own among
   * them, would start one more retry chain, and a store that stays down would be asked ever more
   * often: a snapshot per second more for every second it is down.
   */
  private boolean retryWaiting;

  /** How soon a snapshot the store could not record is taken again. */
  static final Duration STORE_RETRY = Duration.ofSeconds(1);

  public SnapshotScheduler(SnapshotEngine engine, Duration tick, Consumer<TickResult> observer) {
    this.engine = engine;
    this.tick = tick;
    this.observer = observer;
  }

  public void start() {
    thread.scheduleAtFixedRate(this::changed, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void changed() {
    if (queued.compareAndSet(false, true)) {
      try {
        thread.execute(this::run);
      } catch (RejectedExecutionException shuttingDown) {
        queued.set(false);
      }
    }
  }

  private void run() {
    // Cleared before the snapshot starts: a signal from now on may see state this one misses.
    queued.set(false);
    try {
      TickResult result = engine.take();
      if (result.storeError().isPresent()) {
        // Its changes (and their alerts) wait for the next recorded snapshot: try again soon
        // rather than a whole tick later.
        retrySoon();
      }
      observer.accept(result);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "snapshot failed; the next tick tries again", e);
    }
  }

  /** Runs on the snapshot thread only, like {@link #retryWaiting}. */
  private void retrySoon() {
    if (retryWaiting) {
      return;
    }
    try {
      thread.schedule(this::retry, STORE_RETRY.toMillis(), TimeUnit.MILLISECONDS);
      retryWaiting = true;
    } catch (RejectedExecutionException shuttingDown) {
      // the store is closing with the gateway; the next start resumes from its last record
    }
  }

  private void retry() {
    retryWaiting = false;
    changed();
  }

  /** Stops ticking; a snapshot in progress finishes first. */
  @Override
  public void close() throws InterruptedException {
    thread.shutdown();
    thread.awaitTermination(10, TimeUnit.SECONDS);
  }
}
