package dev.ghost.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The versioned rows of a store's {@code flyway_schema_history}, in the order they were applied,
 * and the rule for continuing them: they must be this gateway's first scripts, unchanged and
 * successful. Anything else (a newer gateway's schema, a script edited after it ran, a failed run)
 * stops the start, as Flyway's validation did, instead of running scripts over a schema they were
 * not written for.
 */
record SchemaHistory(List<Row> rows) {

  /** One applied script, as the history recorded it. */
  record Row(int rank, String version, String description, Integer checksum, boolean success) {}

  /** Rows without a version (Flyway's marker of a schema it created) have no script to check. */
  static SchemaHistory read(Connection connection) throws SQLException {
    return new SchemaHistory(
        Sql.query(
            connection,
            "SELECT \"installed_rank\", \"version\", \"description\", \"checksum\", \"success\""
                + " FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                + " ORDER BY \"installed_rank\"",
            row -> {
              int checksum = row.getInt(4);
              return new Row(
                  row.getInt(1),
                  row.getString(2),
                  row.getString(3),
                  row.wasNull() ? null : checksum,
                  row.getBoolean(5));
            }));
  }

  int lastRank() {
    return rows.stream().mapToInt(Row::rank).max().orElse(0);
  }

  /**
   * How many of {@code bundled} the store has applied.
   *
   * @throws StoreSchemaException when the history is not a beginning of {@code bundled}
   */
  int appliedCount(List<Migration> bundled) throws StoreSchemaException {
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (!row.success()) {
        throw new StoreSchemaException(
            "its schema history records a failed migration (version "
                + row.version()
                + ", "
                + row.description()
                + "), so its schema is neither the old one nor the new; restore it from a backup");
      }
      if (i >= bundled.size()) {
        throw new StoreSchemaException(
            "its schema is at version "
                + rows.get(rows.size() - 1).version()
                + ", newer than this gateway's "
                + bundled.get(bundled.size() - 1).version()
                + ": a newer release of the gateway ran on it. Run that release, or restore a"
                + " backup made before it");
      }
      Migration expected = bundled.get(i);
      boolean same =
          row.version().equals(Integer.toString(expected.version()))
              && row.description().equals(expected.description())
              && (row.checksum() == null || row.checksum() == expected.checksum());
      if (!same) {
        throw new StoreSchemaException(
            "its schema history lists version "
                + row.version()
                + " ("
                + row.description()
                + ", checksum "
                + row.checksum()
                + ") where this gateway has "
                + expected.fileName()
                + " (checksum "
                + expected.checksum()
                + "): it was made by another build. Run that build, or restore a backup");
      }
    }
    return rows.size();
  }
}
