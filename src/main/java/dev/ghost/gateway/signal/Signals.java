package dev.ghost.gateway.signal;

import dev.ghost.gateway.alert.Silence;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.source.HeartbeatSource;
import dev.ghost.gateway.store.Outbox;
import dev.ghost.gateway.store.SilenceStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What people and daemons tell the gateway (heartbeats, fail signals, silences, a dead letter to
 * send again): each is recorded, then the write side is woken at once. Readers never change
 * anything; this is the one way in for everything that does.
 */
@Singleton
public class Signals {

  @Inject HeartbeatSource heartbeats;
  @Inject SilenceStore silences;
  @Inject Outbox outbox;
  @Inject Wakeups wakeups;
  @Inject Clock clock;

  /**
   * A daemon is alive for {@code ttl}, or for the configured default when it is null.
   *
   * @return when it will be down without another heartbeat
   */
  public Instant heartbeat(DaemonName daemon, Duration ttl, String message) {
    Duration effective = ttl == null ? heartbeats.defaultTtl() : ttl;
    Instant now = clock.instant();
    heartbeats.beat(daemon, effective, message);
    return now.plus(effective);
  }

  /** A daemon has failed, until its next heartbeat. */
  public void fail(DaemonName daemon, String message) {
    heartbeats.fail(daemon, message);
  }

  /** Quiets the daemons the request names until it ends. */
  public Silence silence(SilenceRequest request) throws SQLException {
    Silence silence =
        silences.add(
            request.match(),
            request.until(),
            request.reason(),
            request.createdBy(),
            clock.instant());
    wakeups.changed();
    return silence;
  }

  /**
   * Ends a silence now.
   *
   * @return false when no silence has this id
   */
  public boolean endSilence(long id) throws SQLException {
    boolean ended = silences.delete(id);
    if (ended) {
      wakeups.changed();
    }
    return ended;
  }

  /**
   * Puts a dead letter back in its channel's queue.
   *
   * @return false when no dead letter has this id
   */
  public boolean retryDelivery(long id) throws SQLException {
    boolean queued = outbox.retry(id);
    if (queued) {
      wakeups.deliveries();
    }
    return queued;
  }
}
