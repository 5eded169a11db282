package dev.ghost.gateway.store;

import dev.ghost.gateway.alert.Glob;
import dev.ghost.gateway.alert.Silence;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Silences, kept so they outlive a restart. The gateway is their only writer, so every tick reads
 * them from memory; the store is read again only after a change.
 */
public final class SilenceStore {

  private static final String COLUMNS =
      "SELECT id, pattern, until_ms, reason, created_ms, created_by FROM ";

  private final Sql sql;
  private volatile List<Silence> unexpired;

  public SilenceStore(DataSource dataSource) {
    this.sql = new Sql(dataSource);
  }

  /**
   * @param createdBy who made it, or null
   */
  public Silence add(Glob match, Instant until, String reason, String createdBy, Instant now)
      throws SQLException {
    Silence silence =
        sql.inTransaction(
            connection -> {
              long id = Sql.nextId(connection, "silences");
              Sql.update(
                  connection,
                  "INSERT INTO silences (id, pattern, until_ms, reason, created_ms, created_by)"
                      + " VALUES (?, ?, ?, ?, ?, ?)",
                  id,
                  match.pattern(),
                  until,
                  reason,
                  now,
                  createdBy);
              return new Silence(id, match, until, reason, now, createdBy);
            });
    unexpired = null;
    return silence;
  }

  /** Silences that have not ended by {@code now}, oldest first. */
  public List<Silence> active(Instant now) throws SQLException {
    List<Silence> known = unexpired;
    if (known == null) {
      known = load(now);
      unexpired = known;
    }
    return known.stream().filter(silence -> silence.until().isAfter(now)).toList();
  }

  private List<Silence> load(Instant now) throws SQLException {
    return sql.query(
        COLUMNS + "silences WHERE until_ms > ? ORDER BY id",
        row ->
            new Silence(
                row.getLong(1),
                Glob.of(row.getString(2)),
                Sql.instant(row, 3),
                row.getString(4),
                Sql.instant(row, 5),
                row.getString(6)),
        now);
  }

  /** Ends a silence now. */
  public boolean delete(long id) throws SQLException {
    boolean deleted = sql.update("DELETE FROM silences WHERE id = ?", id) == 1;
    unexpired = null;
    return deleted;
  }
}
