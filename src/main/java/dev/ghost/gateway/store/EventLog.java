package dev.ghost.gateway.store;

import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import dev.ghost.gateway.domain.DaemonStatus;
import dev.ghost.gateway.domain.Snapshot;
import dev.ghost.gateway.domain.Transition;
import dev.ghost.gateway.domain.TransitionKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The event log and the last recorded snapshot, over JDBC in plain SQL that SQLite and PostgreSQL
 * both run.
 *
 * <p>Only changes are written: a tick without transitions writes one row (the snapshot sequence),
 * so the cost of a tick does not grow with the number of daemons that stay as they were.
 */
public final class EventLog {

  private static final String LAST_SEQUENCE = "last_snapshot_sequence";
  private static final String LAST_TAKEN_AT = "last_snapshot_at_ms";

  private final Sql sql;

  /**
   * Taken by every write that numbers events (a tick's, a note's): each takes the next sequence
   * number from the log, which SQLite's one writer serializes by itself but PostgreSQL's read
   * committed transactions would not.
   */
  private final Object appending = new Object();

  public EventLog(DataSource dataSource) {
    this.sql = new Sql(Objects.requireNonNull(dataSource));
  }

  /**
   * Writes the transitions of one snapshot and the snapshot's changed daemons, in one transaction:
   * either the events and the new baseline are both stored, or neither is.
   *
   * @param also more writes that belong to this snapshot (the alert policy's outbox entries)
   * @return the stored events, with their sequence numbers
   */
  public List<StoredEvent> record(
      Snapshot snapshot, List<Transition> transitions, InTransaction also) throws SQLException {
    synchronized (appending) {
      return sql.inTransaction(
          connection -> {
            List<StoredEvent> stored = appendEvents(connection, snapshot.sequence(), transitions);
            saveChangedStates(connection, snapshot, transitions);
            saveMeta(connection, LAST_SEQUENCE, Long.toString(snapshot.sequence()));
            saveMeta(connection, LAST_TAKEN_AT, Long.toString(snapshot.takenAt().toEpochMilli()));
            also.write(connection);
            return stored;
          });
    }
  }

  /**
   * Writes notes (what people did about daemons) between snapshots, each with the next sequence
   * number, in one transaction with {@code also}, which is given the stored events.
   */
  public List<StoredEvent> note(
      List<Transition> notes, Function<List<StoredEvent>, InTransaction> also) throws SQLException {
    synchronized (appending) {
      return sql.inTransaction(
          connection -> {
            long snapshot = Long.parseLong(meta(connection, LAST_SEQUENCE, "0"));
            List<StoredEvent> stored = appendEvents(connection, snapshot, notes);
            also.apply(stored).write(connection);
            return stored;
          });
    }
  }

  private static final String COLUMNS =
      "SELECT seq, snapshot_seq, at_ms, daemon, from_state, to_state, reason, source, kind FROM ";

  /** Events after {@code after}, oldest first, optionally for one daemon. */
  public List<StoredEvent> page(long after, int limit, DaemonName daemon) throws SQLException {
    return daemon == null
        ? query(COLUMNS + "events WHERE seq > ? ORDER BY seq LIMIT ?", after, limit)
        : query(
            COLUMNS + "events WHERE seq > ? AND daemon = ? ORDER BY seq LIMIT ?",
            after,
            daemon.value(),
            limit);
  }

  /** Every daemon's events from {@code from} on, oldest first, at most {@code limit}. */
  public List<StoredEvent> since(Instant from, int limit) throws SQLException {
    return query(
        COLUMNS + "events WHERE at_ms >= ? ORDER BY seq LIMIT ?", from.toEpochMilli(), limit);
  }

  /** The newest {@code count} events, oldest first. */
  public List<StoredEvent> latest(int count) throws SQLException {
    return query(
        COLUMNS + "(SELECT * FROM events ORDER BY seq DESC LIMIT ?) newest ORDER BY seq", count);
  }

  /** One daemon's newest {@code count} events, oldest first. */
  public List<StoredEvent> latestFor(DaemonName daemon, int count) throws SQLException {
    return query(
        COLUMNS
            + "(SELECT * FROM events WHERE daemon = ? ORDER BY seq DESC LIMIT ?) newest"
            + " ORDER BY seq",
        daemon.value(),
        count);
  }

  /**
   * One daemon's events from {@code from} on, oldest first, led by the last event before it (which
   * tells the state the daemon was in when the window opened).
   */
  public List<StoredEvent> historyFrom(DaemonName daemon, Instant from) throws SQLException {
    return query(
        COLUMNS
            + "events WHERE daemon = ? AND (at_ms >= ? OR seq = (SELECT MAX(seq) FROM events"
            + " WHERE daemon = ? AND at_ms < ?)) ORDER BY seq",
        daemon.value(),
        from.toEpochMilli(),
        daemon.value(),
        from.toEpochMilli());
  }

  /**
   * The last recorded snapshot, or {@link Snapshot#EMPTY} on a new store; read in one transaction,
   * so its sequence and its daemons belong together.
   */
  public Snapshot lastSnapshot() throws SQLException {
    return sql.inTransaction(connection -> lastSnapshot(connection));
  }

  private static Snapshot lastSnapshot(Connection connection) throws SQLException {
    long sequence = Long.parseLong(meta(connection, LAST_SEQUENCE, "0"));
    Instant takenAt = Instant.ofEpochMilli(Long.parseLong(meta(connection, LAST_TAKEN_AT, "0")));
    List<DaemonStatus> daemons =
        Sql.query(
            connection,
            "SELECT name, state, since_ms, reason, source, last_seen_ms, pid FROM daemon_state",
            row ->
                new DaemonStatus(
                    DaemonName.of(row.getString(1)),
                    DaemonState.fromWire(row.getString(2)),
                    Instant.ofEpochMilli(row.getLong(3)),
                    row.getString(4),
                    row.getString(5),
                    Sql.instant(row, 6),
                    nullableLong(row, 7)));
    return Snapshot.of(sequence, takenAt, daemons);
  }

  private List<StoredEvent> appendEvents(
      Connection connection, long snapshotSequence, List<Transition> transitions)
      throws SQLException {
    if (transitions.isEmpty()) {
      return List.of();
    }
    long next = lastEventSeq(connection) + 1;
    List<StoredEvent> stored = new ArrayList<>(transitions.size());
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO events (seq, snapshot_seq, at_ms, daemon, kind, from_state, to_state,"
                + " reason, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Transition transition : transitions) {
        insert.setLong(1, next);
        insert.setLong(2, snapshotSequence);
        insert.setLong(3, transition.at().toEpochMilli());
        insert.setString(4, transition.daemon().value());
        insert.setString(5, transition.kind().wire());
        setState(insert, 6, transition.from());
        setState(insert, 7, transition.to());
        insert.setString(8, transition.reason());
        insert.setString(9, transition.source());
        insert.addBatch();
        stored.add(new StoredEvent(next, snapshotSequence, transition));
        next++;
      }
      insert.executeBatch();
    }
    return stored;
  }

  private static void saveChangedStates(
      Connection connection, Snapshot snapshot, List<Transition> transitions) throws SQLException {
    if (transitions.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert =
            connection.prepareStatement(
                "INSERT INTO daemon_state (name, state, since_ms, reason, source, last_seen_ms,"
                    + " pid) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                    + " state = excluded.state, since_ms = excluded.since_ms, reason ="
                    + " excluded.reason, source = excluded.source, last_seen_ms ="
                    + " excluded.last_seen_ms, pid = excluded.pid");
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM daemon_state WHERE name = ?")) {
      for (Transition transition : transitions) {
        DaemonStatus status = snapshot.daemons().get(transition.daemon());
        if (status == null) {
          delete.setString(1, transition.daemon().value());
          delete.addBatch();
          continue;
        }
        upsert.setString(1, status.name().value());
        upsert.setString(2, status.state().wire());
        upsert.setLong(3, status.since().toEpochMilli());
        upsert.setString(4, status.reason());
        upsert.setString(5, status.source());
        if (status.lastSeen() == null) {
          upsert.setNull(6, Types.BIGINT);
        } else {
          upsert.setLong(6, status.lastSeen().toEpochMilli());
        }
        if (status.pid() == null) {
          upsert.setNull(7, Types.BIGINT);
        } else {
          upsert.setLong(7, status.pid());
        }
        upsert.addBatch();
      }
      upsert.executeBatch();
      delete.executeBatch();
    }
  }

  private static long lastEventSeq(Connection connection) throws SQLException {
    return Sql.query(connection, "SELECT COALESCE(MAX(seq), 0) FROM events", row -> row.getLong(1))
        .get(0);
  }

  private static void saveMeta(Connection connection, String name, String value)
      throws SQLException {
    Sql.update(
        connection,
        "INSERT INTO gateway_meta (name, value) VALUES (?, ?)"
            + " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        name,
        value);
  }

  private static String meta(Connection connection, String name, String fallback)
      throws SQLException {
    List<String> values =
        Sql.query(
            connection,
            "SELECT value FROM gateway_meta WHERE name = ?",
            row -> row.getString(1),
            name);
    return values.isEmpty() ? fallback : values.get(0);
  }

  /** Runs an event query; parameters are Strings, Longs or Integers, in order. */
  private List<StoredEvent> query(String select, Object... parameters) throws SQLException {
    return sql.query(select, EventLog::event, parameters);
  }

  private static StoredEvent event(ResultSet row) throws SQLException {
    Transition transition =
        new Transition(
            DaemonName.of(row.getString(4)),
            nullableState(row.getString(5)),
            nullableState(row.getString(6)),
            Instant.ofEpochMilli(row.getLong(3)),
            row.getString(7),
            row.getString(8),
            TransitionKind.fromWire(row.getString(9)));
    return new StoredEvent(row.getLong(1), row.getLong(2), transition);
  }

  private static void setState(PreparedStatement statement, int index, DaemonState state)
      throws SQLException {
    if (state == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, state.wire());
    }
  }

  private static DaemonState nullableState(String wire) {
    return wire == null ? null : DaemonState.fromWire(wire);
  }

  private static Long nullableLong(ResultSet rows, int column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }
}
