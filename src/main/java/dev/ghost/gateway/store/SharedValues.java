package dev.ghost.gateway.store;

import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Values every instance of a cluster must agree on (the generated admin token): the first to start
 * stores its proposal, and every instance, that one included, takes what is stored.
 */
public final class SharedValues {

  private final Sql sql;

  public SharedValues(DataSource dataSource) {
    this.sql = new Sql(Objects.requireNonNull(dataSource));
  }

  /** The stored value of {@code name}, which is {@code proposed} if none was stored before. */
  public String agree(String name, String proposed) throws SQLException {
    sql.update(
        "INSERT INTO gateway_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
        name,
        proposed);
    return sql.query("SELECT value FROM gateway_meta WHERE name = ?", row -> row.getString(1), name)
        .get(0);
  }
}
