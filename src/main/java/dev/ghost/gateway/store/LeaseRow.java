package dev.ghost.gateway.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The one lease row that says which instance leads, in PostgreSQL only (one SQLite process leads
 * alone). Its times are the database's clock, so the instances' clocks need not agree; each taking
 * raises the epoch, and a write fenced by an epoch fails once another instance took the lease.
 */
public final class LeaseRow {

  private static final String NOW_MS =
      "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";

  /**
   * The row as read.
   *
   * @param holder the leading instance, or null when none holds it
   * @param remainingMillis how long the holder's lease still runs (negative once expired)
   */
  public record Holding(String holder, long epoch, long remainingMillis) {}

  private final Sql sql;

  public LeaseRow(DataSource dataSource) {
    this.sql = new Sql(Objects.requireNonNull(dataSource));
  }

  /**
   * Takes the lease for {@code lease} when no one holds it or its holder's ran out.
   *
   * @return the new epoch, or empty when another instance holds it
   */
  public OptionalLong take(String node, Duration lease) throws SQLException {
    List<Long> epochs =
        sql.query(
            "UPDATE cluster_lease SET holder = ?, epoch = epoch + 1, expires_ms = "
                + NOW_MS
                + " + ? WHERE id = 1 AND (holder IS NULL OR expires_ms <= "
                + NOW_MS
                + ") RETURNING epoch",
            row -> row.getLong(1),
            node,
            lease.toMillis());
    return epochs.isEmpty() ? OptionalLong.empty() : OptionalLong.of(epochs.get(0));
  }

  /**
   * Runs the lease {@code lease} from now, if {@code node} still holds it under {@code epoch}: no
   * other instance took it meanwhile, even if it ran out.
   */
  public boolean renew(String node, long epoch, Duration lease) throws SQLException {
    return sql.update(
            "UPDATE cluster_lease SET expires_ms = "
                + NOW_MS
                + " + ? WHERE id = 1 AND holder = ? AND epoch = ?",
            lease.toMillis(),
            node,
            epoch)
        == 1;
  }

  /** Gives the lease up at once, so that another instance takes it without waiting. */
  public void release(String node, long epoch) throws SQLException {
    sql.update(
        "UPDATE cluster_lease SET holder = NULL, expires_ms = 0 WHERE id = 1 AND holder = ?"
            + " AND epoch = ?",
        node,
        epoch);
  }

  public Holding read() throws SQLException {
    return sql.query(
            "SELECT holder, epoch, expires_ms - " + NOW_MS + " FROM cluster_lease WHERE id = 1",
            row -> new Holding(row.getString(1), row.getLong(2), row.getLong(3)))
        .get(0);
  }

  /**
   * A check for a write transaction: it fails unless {@code node} holds the lease under {@code
   * epoch} and it runs. The row stays share-locked until the transaction ends, so a takeover waits
   * for the write, and a write after a takeover is refused.
   */
  public static InTransaction fence(String node, long epoch) {
    return connection -> {
      List<Long> held =
          Sql.query(
              connection,
              "SELECT epoch FROM cluster_lease WHERE id = 1 AND holder = ? AND epoch = ? AND"
                  + " expires_ms > "
                  + NOW_MS
                  + " FOR SHARE",
              row -> row.getLong(1),
              node,
              epoch);
      if (held.isEmpty()) {
        throw new SQLException(
            "this instance no longer holds the lease of epoch " + epoch + "; it writes nothing");
      }
    };
  }
}
