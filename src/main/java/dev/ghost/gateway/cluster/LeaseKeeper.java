package dev.ghost.gateway.cluster;

import dev.ghost.gateway.source.DaemonThreads;
import dev.ghost.gateway.store.LeaseRow;
import dev.ghost.gateway.time.Ticker;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Takes the lease when no instance holds it, and renews it while this instance does. A leader
 * counts its lease from the moment it asked for the renewal, less a margin, so it stops acting
 * before the database lets anyone else take over, even if its renewals stop arriving (the store is
 * away, the process was paused): at most one instance acts at a time.
 *
 * <p>A follower waits exactly as long as the holder's lease still runs, so a leader that died is
 * replaced within one lease; one that stops cleanly gives the lease up and wakes the others.
 */
public final class LeaseKeeper implements Leadership, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());

  /** Told when this instance starts or stops leading. */
  public interface Changes {
    void took(long epoch, String why);

    void lost(String why);
  }

  /** Makes the keeper for the one who is told its changes. */
  @FunctionalInterface
  public interface Factory {
    LeaseKeeper make(Changes changes);
  }

  private final LeaseRow row;
  private final String node;
  private final Duration lease;
  private final Duration renewEvery;
  private final Duration margin;
  private final Ticker ticker;
  private final Changes changes;
  private final Object signal = new Object();
  private final Thread thread = DaemonThreads.named("lease").newThread(this::loop);

  private volatile long epoch = -1;
  private volatile Instant validUntil = Instant.MIN;
  private volatile String leader;
  private volatile long leaderEpoch;
  private volatile String problem;
  private volatile long takeovers;
  private boolean announcedLapse;

  // Guarded by signal.
  private boolean poked;
  private boolean closing;

  public LeaseKeeper(LeaseRow row, String node, Duration lease, Ticker ticker, Changes changes) {
    this.row = row;
    this.node = node;
    this.lease = lease;
    this.renewEvery = lease.dividedBy(3);
    this.margin = lease.dividedBy(5);
    this.ticker = ticker;
    this.changes = changes;
  }

  public void start() {
    thread.start();
  }

  @Override
  public boolean leading() {
    return epoch >= 0 && ticker.now().isBefore(validUntil);
  }

  @Override
  public long epoch() {
    return epoch;
  }

  public String node() {
    return node;
  }

  /** How many times this instance took the lease. */
  public long takeovers() {
    return takeovers;
  }

  @Override
  public Optional<View> view() {
    boolean leads = leading();
    return Optional.of(
        new View(node, leads, leads ? node : leader, leads ? epoch : leaderEpoch, problem));
  }

  /** Tries to take the lease now rather than when it runs out (its holder gave it up). */
  public void poke() {
    synchronized (signal) {
      poked = true;
      signal.notifyAll();
    }
  }

  private void loop() {
    try {
      while (true) {
        Instant asked = ticker.now();
        Duration wait = renewEvery;
        try {
          wait = epoch >= 0 ? renew(asked) : tryTake(asked);
          problem = null;
        } catch (SQLException | RuntimeException e) {
          problem = "the store cannot be reached: " + e.getMessage();
          lapseIfDue();
        }
        if (!await(asked.plus(wait))) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Duration renew(Instant asked) throws SQLException {
    if (row.renew(node, epoch, lease)) {
      validUntil = asked.plus(lease).minus(margin);
      if (announcedLapse) {
        announcedLapse = false;
        changes.took(epoch, "the store answers again and no other instance took the lease");
      }
      return renewEvery;
    }
    long lostEpoch = epoch;
    epoch = -1;
    announcedLapse = false;
    validUntil = Instant.MIN;
    changes.lost("another instance took the lease after epoch " + lostEpoch);
    return tryTake(ticker.now());
  }

  private Duration tryTake(Instant asked) throws SQLException {
    LeaseRow.Holding before = row.read();
    OptionalLong taken = row.take(node, lease);
    if (taken.isPresent()) {
      epoch = taken.getAsLong();
      validUntil = asked.plus(lease).minus(margin);
      leader = node;
      takeovers++;
      changes.took(epoch, whyFree(before));
      return renewEvery;
    }
    LeaseRow.Holding holding = row.read();
    leader = holding.holder();
    leaderEpoch = holding.epoch();
    // Ask again the moment the holder's lease runs out, and no later than a renewal period.
    Duration left = Duration.ofMillis(Math.max(holding.remainingMillis(), 0) + 5);
    return left.compareTo(renewEvery) < 0 ? left : renewEvery;
  }

  private static String whyFree(LeaseRow.Holding before) {
    if (before.holder() == null) {
      return before.epoch() == 0 ? "no instance led yet" : "the last leader handed over";
    }
    return "the lease of " + before.holder() + " ran out";
  }

  /** A leader that cannot renew stops acting once its lease is due; said once. */
  private void lapseIfDue() {
    if (epoch >= 0 && !leading() && !announcedLapse) {
      announcedLapse = true;
      changes.lost("it cannot renew its lease: " + problem);
    }
  }

  /** Waits until {@code until} or a poke; false once closing. */
  private boolean await(Instant until) throws InterruptedException {
    synchronized (signal) {
      while (!closing && !poked && ticker.now().isBefore(until)) {
        ticker.await(signal, until);
      }
      poked = false;
      return !closing;
    }
  }

  /** Stops renewing and gives the lease up, so another instance takes it at once. */
  @Override
  public void close() throws InterruptedException {
    synchronized (signal) {
      closing = true;
      signal.notifyAll();
    }
    thread.join(lease.toMillis());
    long held = epoch;
    epoch = -1;
    if (held >= 0) {
      try {
        row.release(node, held);
      } catch (SQLException e) {
        LOG.warning("cannot give the lease up; another instance takes it when it runs out: " + e);
      }
    }
  }
}
