package dev.ghost.gateway.signal;

import dev.ghost.gateway.cluster.StoreBus;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.store.HeartbeatRows;
import java.sql.SQLException;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Signals in a cluster: whichever instance receives one writes it to the shared store and tells
 * every instance, so the leader hears it at once and the next leader finds it in the store.
 */
public final class SharedSignalPath implements SignalPath {

  private static final Logger LOG = Logger.getLogger(SharedSignalPath.class.getName());

  private final HeartbeatRows rows;
  private final StoreBus bus;

  public SharedSignalPath(HeartbeatRows rows, StoreBus bus) {
    this.rows = rows;
    this.bus = bus;
  }

  @Override
  public void heartbeat(DaemonName daemon, Instant at, Instant expiresAt, String message)
      throws SQLException {
    rows.beat(daemon, at, expiresAt, message);
    bus.send(StoreBus.Kind.BEAT, daemon.value());
  }

  @Override
  public void fail(DaemonName daemon, Instant at, String message) throws SQLException {
    rows.fail(daemon, at, message);
    bus.send(StoreBus.Kind.BEAT, daemon.value());
  }

  @Override
  public void changed() {
    tell(StoreBus.Kind.CHANGED);
  }

  @Override
  public void deliveries() {
    tell(StoreBus.Kind.DELIVERIES);
  }

  @Override
  public void eventsAdded() {
    tell(StoreBus.Kind.EVENTS);
  }

  /**
   * What these wake-ups point at is already stored; one that is lost is found by the leader's next
   * tick or outbox poll, so a failure here is logged, not answered.
   */
  private void tell(StoreBus.Kind kind) {
    try {
      bus.send(kind, "");
    } catch (SQLException e) {
      LOG.warning("cannot tell the other instances (" + kind + "); the next tick finds it: " + e);
    }
  }
}
