package dev.ghost.gateway.store;

import dev.ghost.gateway.alert.Notification;
import dev.ghost.gateway.alert.NotificationKind;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Notifications waiting to be sent, sent, or given up on (dead letters). Entries are written in the
 * snapshot's transaction ({@link #enqueue}) before anything is sent, so a crash between deciding
 * and sending loses nothing: the delivery worker finds them pending after the restart.
 */
public final class Outbox {

  /** Pending and failed entries of one channel, and its latest error. */
  public record ChannelCounts(long pending, long failed, String lastError) {}

  private static final String COLUMNS =
      "SELECT id, channel, notification_id, kind, daemon, from_state, to_state, at_ms, since_ms,"
          + " reason, source, sequence, created_ms, state, attempts, last_error, done_ms FROM"
          + " outbox ";

  private final Sql sql;

  public Outbox(DataSource dataSource) {
    this.sql = new Sql(dataSource);
  }

  /** Adds one entry per notification and channel, inside the caller's transaction. */
  public void enqueue(
      Connection connection,
      List<Notification> notifications,
      Function<Notification, List<String>> channels,
      Instant created)
      throws SQLException {
    if (notifications.isEmpty()) {
      return;
    }
    long id = Sql.nextId(connection, "outbox");
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO outbox (id, notification_id, channel, kind, daemon, from_state, to_state,"
                + " at_ms, since_ms, reason, source, sequence, created_ms, state, attempts)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0)")) {
      for (Notification n : notifications) {
        for (String channel : channels.apply(n)) {
          Sql.bind(
              insert,
              id++,
              n.id(),
              channel,
              n.kind().wire(),
              n.daemon() == null ? null : n.daemon().value(),
              n.from() == null ? null : n.from().wire(),
              n.to() == null ? null : n.to().wire(),
              n.at(),
              n.since(),
              n.reason(),
              n.source(),
              n.sequence(),
              created);
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /** A channel's pending entries, oldest first. */
  public List<OutboxEntry> pending(String channel, int limit) throws SQLException {
    return sql.query(
        COLUMNS + "WHERE state = 'pending' AND channel = ? ORDER BY id LIMIT ?",
        Outbox::entry,
        channel,
        limit);
  }

  /** Entries in one state, newest first. */
  public List<OutboxEntry> list(OutboxEntry.State state, int limit) throws SQLException {
    return sql.query(
        COLUMNS + "WHERE state = ? ORDER BY id DESC LIMIT ?", Outbox::entry, state.wire(), limit);
  }

  /** The last attempt arrived: counted, and the errors of the attempts before it forgotten. */
  public void sent(List<OutboxEntry> entries, Instant at) throws SQLException {
    finish(entries, OutboxEntry.State.SENT, null, at);
  }

  public void failed(List<OutboxEntry> entries, String error, Instant at) throws SQLException {
    finish(entries, OutboxEntry.State.FAILED, error, at);
  }

  /** Records a failed attempt that will be tried again. */
  public void attempted(List<OutboxEntry> entries, String error) throws SQLException {
    sql.update(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id IN ("
            + ids(entries)
            + ")",
        error);
  }

  /**
   * Puts a dead letter back in its channel's queue.
   *
   * @return whether {@code id} was a dead letter
   */
  public boolean retry(long id) throws SQLException {
    return sql.update(
            "UPDATE outbox SET state = 'pending', attempts = 0, done_ms = NULL"
                + " WHERE id = ? AND state = 'failed'",
            id)
        == 1;
  }

  /**
   * Forgets sent entries done before {@code before}; pending ones and dead letters stay.
   *
   * @return how many were removed
   */
  public int pruneSent(Instant before) throws SQLException {
    return sql.update("DELETE FROM outbox WHERE state = 'sent' AND done_ms < ?", before);
  }

  /** Pending and failed counts by channel. */
  public Map<String, ChannelCounts> counts() throws SQLException {
    Map<String, ChannelCounts> counts = new LinkedHashMap<>();
    sql.query(
            // Sent rows are most of the table and never counted: the index on (state, channel)
            // keeps this query to the pending and failed ones.
            "SELECT channel, SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), SUM(CASE WHEN"
                + " state = 'failed' THEN 1 ELSE 0 END), (SELECT last_error FROM outbox latest"
                + " WHERE latest.state IN ('pending', 'failed') AND latest.channel = o.channel AND"
                + " latest.last_error IS NOT NULL ORDER BY id DESC LIMIT 1) FROM outbox o WHERE"
                + " state IN ('pending', 'failed') GROUP BY channel ORDER BY channel",
            row ->
                Map.entry(
                    row.getString(1),
                    new ChannelCounts(row.getLong(2), row.getLong(3), row.getString(4))))
        .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
    return counts;
  }

  /** The attempt that ends an entry counts like every other. */
  private void finish(List<OutboxEntry> entries, OutboxEntry.State state, String error, Instant at)
      throws SQLException {
    sql.update(
        "UPDATE outbox SET state = ?, attempts = attempts + 1, last_error = ?, done_ms = ?"
            + " WHERE id IN ("
            + ids(entries)
            + ")",
        state.wire(),
        error,
        at);
  }

  /** Ids are longs read from the store, so inlining them cannot inject anything. */
  private static String ids(List<OutboxEntry> entries) {
    return entries.stream()
        .map(entry -> Long.toString(entry.id()))
        .collect(Collectors.joining(","));
  }

  private static OutboxEntry entry(ResultSet row) throws SQLException {
    String daemon = row.getString(5);
    Notification notification =
        new Notification(
            row.getString(3),
            NotificationKind.fromWire(row.getString(4)),
            daemon == null ? null : DaemonName.of(daemon),
            state(row.getString(6)),
            state(row.getString(7)),
            Sql.instant(row, 8),
            Sql.instant(row, 9),
            row.getString(10),
            row.getString(11),
            row.getLong(12));
    return new OutboxEntry(
        row.getLong(1),
        row.getString(2),
        notification,
        Sql.instant(row, 13),
        OutboxEntry.State.fromWire(row.getString(14)),
        row.getInt(15),
        row.getString(16),
        Sql.instant(row, 17));
  }

  private static DaemonState state(String wire) {
    return wire == null ? null : DaemonState.fromWire(wire);
  }
}
