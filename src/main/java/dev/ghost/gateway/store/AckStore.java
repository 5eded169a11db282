package dev.ghost.gateway.store;

import dev.ghost.gateway.alert.Ack;
import dev.ghost.gateway.domain.DaemonName;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Acknowledgements, kept so they outlive a restart: the latest one of each daemon. Read from memory
 * between changes, like silences; every write goes through here.
 */
public final class AckStore {

  private final Sql sql;
  private volatile Map<DaemonName, Ack> latest;

  public AckStore(DataSource dataSource) {
    this.sql = new Sql(dataSource);
  }

  public void acknowledge(Ack ack) throws SQLException {
    sql.update(
        "INSERT INTO acks (daemon, by_user, at_ms) VALUES (?, ?, ?) ON CONFLICT (daemon) DO"
            + " UPDATE SET by_user = excluded.by_user, at_ms = excluded.at_ms",
        ack.daemon().value(),
        ack.by(),
        ack.at());
    latest = null;
  }

  /** The latest acknowledgement of each daemon that has one. */
  public Map<DaemonName, Ack> all() throws SQLException {
    Map<DaemonName, Ack> known = latest;
    if (known == null) {
      Map<DaemonName, Ack> read = new HashMap<>();
      sql.query(
              "SELECT daemon, by_user, at_ms FROM acks",
              row ->
                  new Ack(DaemonName.of(row.getString(1)), row.getString(2), Sql.instant(row, 3)))
          .forEach(ack -> read.put(ack.daemon(), ack));
      known = Map.copyOf(read);
      latest = known;
    }
    return known;
  }
}
