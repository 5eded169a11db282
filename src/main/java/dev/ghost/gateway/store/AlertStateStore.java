package dev.ghost.gateway.store;

import dev.ghost.gateway.alert.DaemonAlert;
import dev.ghost.gateway.domain.DaemonName;
import dev.ghost.gateway.domain.DaemonState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** The alert policy's memory, one row per daemon it remembers something about. */
public final class AlertStateStore {

  private final Sql sql;

  public AlertStateStore(DataSource dataSource) {
    this.sql = new Sql(dataSource);
  }

  public Map<DaemonName, DaemonAlert> load() throws SQLException {
    Map<DaemonName, DaemonAlert> book = new HashMap<>();
    sql.query(
            "SELECT daemon, announced, down_since_ms, streak, changes, flapping, silenced,"
                + " last_sent_ms FROM alert_state",
            row ->
                Map.entry(
                    DaemonName.of(row.getString(1)),
                    new DaemonAlert(
                        DaemonState.fromWire(row.getString(2)),
                        Sql.instant(row, 3),
                        row.getInt(4),
                        instants(row.getString(5)),
                        row.getInt(6) == 1,
                        row.getInt(7) == 1,
                        Sql.instant(row, 8))))
        .forEach(entry -> book.put(entry.getKey(), entry.getValue()));
    return book;
  }

  /**
   * Writes the changed entries; a quiet one is deleted, since quiet is what a missing row means.
   */
  public void save(Connection connection, Map<DaemonName, DaemonAlert> changed)
      throws SQLException {
    if (changed.isEmpty()) {
      return;
    }
    // Batched: with many daemons flipping, one tick changes hundreds of rows.
    try (PreparedStatement upsert =
            connection.prepareStatement(
                "INSERT INTO alert_state (daemon, announced, down_since_ms, streak, changes,"
                    + " flapping, silenced, last_sent_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON"
                    + " CONFLICT (daemon) DO UPDATE SET announced = excluded.announced,"
                    + " down_since_ms = excluded.down_since_ms, streak = excluded.streak, changes"
                    + " = excluded.changes, flapping = excluded.flapping, silenced ="
                    + " excluded.silenced, last_sent_ms = excluded.last_sent_ms");
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM alert_state WHERE daemon = ?")) {
      for (Map.Entry<DaemonName, DaemonAlert> entry : changed.entrySet()) {
        String daemon = entry.getKey().value();
        DaemonAlert alert = entry.getValue();
        if (alert.quiet()) {
          delete.setString(1, daemon);
          delete.addBatch();
          continue;
        }
        Sql.bind(
            upsert,
            daemon,
            alert.announced().wire(),
            alert.downSince(),
            alert.streak(),
            alert.changes().stream()
                .map(at -> Long.toString(at.toEpochMilli()))
                .collect(Collectors.joining(",")),
            alert.flapping() ? 1 : 0,
            alert.silenced() ? 1 : 0,
            alert.lastSent());
        upsert.addBatch();
      }
      upsert.executeBatch();
      delete.executeBatch();
    }
  }

  private static List<Instant> instants(String joined) {
    List<Instant> instants = new ArrayList<>();
    if (!joined.isEmpty()) {
      Arrays.stream(joined.split(","))
          .forEach(millis -> instants.add(Instant.ofEpochMilli(Long.parseLong(millis))));
    }
    return instants;
  }
}
