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
 *
 * @param lastRank the highest rank of any row, versioned or not: the next row's rank follows it
 */
record SchemaHistory(List<Row> rows, int lastRank) {

  /** One applied script, as the history recorded it. */
  record Row(String version, String description, Integer checksum, boolean success) {}

  /** Rows without a version (Flyway's marker of a schema it created) have no script to check. */
  static SchemaHistory read(Connection connection) throws SQLException {
    List<Row> rows =
        Sql.query(
            connection,
            "SELECT \"version\", \"description\", \"checksum\", \"success\""
                + " FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                + " ORDER BY \"installed_rank\"",
            row -> {
              int checksum = row.getInt(3);
              return new Row(
                  row.getString(1),
                  row.getString(2),
                  row.wasNull() ? null : checksum,
                  row.getBoolean(4));
            });
    int lastRank =
        Sql.query(
                connection,
                "SELECT COALESCE(MAX(\"installed_rank\"), 0) FROM \"flyway_schema_history\"",
                row -> row.getInt(1))
            .get(0);
    return new SchemaHistory(rows, lastRank);
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
