package dev.ghost.gateway.store;

import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.LastWord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Every daemon's last word in the shared store (several instances): whichever instance a heartbeat
 * or fail signal reaches writes it here, and the leader reads it from here, at once when told and
 * all of it when it takes over.
 */
public final class HeartbeatRows {

  private static final String COLUMNS =
      "SELECT daemon, at_ms, expires_ms, message, failed_ms FROM heartbeats";

  private final Sql sql;

  public HeartbeatRows(DataSource dataSource) {
    this.sql = new Sql(Objects.requireNonNull(dataSource));
  }

  /** A heartbeat: alive until {@code expiresAt}, no longer failed. */
  public void beat(DaemonName daemon, Instant at, Instant expiresAt, String message)
      throws SQLException {
    sql.update(
        "INSERT INTO heartbeats (daemon, at_ms, expires_ms, message, failed_ms)"
            + " VALUES (?, ?, ?, ?, NULL) ON CONFLICT (daemon) DO UPDATE SET at_ms = excluded.at_ms,"
            + " expires_ms = excluded.expires_ms, message = excluded.message, failed_ms = NULL",
        daemon.value(),
        at,
        expiresAt,
        message);
  }

  /** A fail signal: down from {@code at}; the last heartbeat's time is kept. */
  public void fail(DaemonName daemon, Instant at, String message) throws SQLException {
    sql.update(
        "INSERT INTO heartbeats (daemon, at_ms, expires_ms, message, failed_ms)"
            + " VALUES (?, NULL, ?, ?, ?) ON CONFLICT (daemon) DO UPDATE SET"
            + " message = excluded.message, failed_ms = excluded.failed_ms",
        daemon.value(),
        at,
        message,
        at);
  }

  public Optional<LastWord> of(DaemonName daemon) throws SQLException {
    return sql.query(COLUMNS + " WHERE daemon = ?", HeartbeatRows::read, daemon.value()).stream()
        .findFirst();
  }

  public List<LastWord> all() throws SQLException {
    return sql.query(COLUMNS, HeartbeatRows::read);
  }

  private static LastWord read(ResultSet row) throws SQLException {
    return new LastWord(
        DaemonName.of(row.getString(1)),
        Sql.instant(row, 2),
        Sql.instant(row, 3),
        row.getString(4),
        Sql.instant(row, 5));
  }
}
