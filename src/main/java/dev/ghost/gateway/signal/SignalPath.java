package dev.ghost.gateway.signal;

import dev.ghost.gateway.domain.DaemonName;
import java.sql.SQLException;
import java.time.Instant;

/**
 * How a signal reaches the write side: in this process on a single instance, or through the shared
 * store to whichever instance leads in a cluster. {@link Signals} records what it is told, then
 * sends it this way.
 */
public interface SignalPath {

  /** A daemon said it is alive until {@code expiresAt}. */
  void heartbeat(DaemonName daemon, Instant at, Instant expiresAt, String message)
      throws SQLException;

  /** A daemon said it has failed. */
  void fail(DaemonName daemon, Instant at, String message) throws SQLException;

  /** Silences or acknowledgements changed: take a snapshot now. */
  void changed();

  /** The outbox has something new: look at it now. */
  void deliveries();

  /** Notes were added to the event log: live readers look now. */
  void eventsAdded();
}
