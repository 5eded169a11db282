package dev.ghost.gateway.store;

import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Copies SQLite's write-ahead log back into the database file, off the write path: connections run
 * with {@code wal_autocheckpoint=0}, so no commit pays for it, and this is called every second
 * instead. Passive: it never waits for, or blocks, a reader or a writer; what it cannot copy now,
 * the next call does.
 */
public final class WalCheckpoints {

  private final Sql sql;

  public WalCheckpoints(DataSource dataSource) {
    this.sql = new Sql(Objects.requireNonNull(dataSource));
  }

  /**
   * @return how many pages of the log are still to be copied (0: all of it is in the file)
   */
  public int checkpoint() throws SQLException {
    return sql.query("PRAGMA wal_checkpoint(PASSIVE)", row -> row.getInt(2) - row.getInt(3)).get(0);
  }
}
