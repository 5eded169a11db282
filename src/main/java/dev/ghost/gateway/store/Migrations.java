package dev.ghost.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Brings a store's schema up to this gateway's: applies the bundled scripts it lacks, in order, and
 * records each in {@code flyway_schema_history}, the table and rows Flyway itself keeps, so a store
 * made by an earlier gateway (which ran Flyway) is continued and one made here can be read by
 * Flyway. Done here rather than by Flyway: on four scripts, Flyway's start was ~190 ms of the
 * gateway's (its configuration, database detection and parser are cold code at every start).
 *
 * <p>All pending scripts and their history rows are one transaction: a start that fails half-way
 * leaves the store as it was. On PostgreSQL it takes the store's one-writer lock like every write
 * transaction, so instances starting together migrate one after another, and the later ones find
 * nothing to do.
 */
public final class Migrations {

  /** The scripts both kinds of store run, in {@code db/migration} (a test checks). */
  static final List<String> SHARED_SCRIPTS =
      List.of(
          "V1__event_log.sql",
          "V2__alerts_and_outbox.sql",
          "V3__slack_actions.sql",
          "V4__cluster.sql");

  /**
   * The versions whose SQL differs between the two databases: each is in {@code db/sqlite} and in
   * {@code db/postgresql} under the same name (a test checks), so both kinds of store count their
   * schema alike. Flyway reads them from those two locations beside {@code db/migration}.
   */
  static final List<String> OWN_SCRIPTS = List.of("V5__events_keyed_by_row_id.sql");

  /** Where the shared scripts live, and each database's own. */
  static final String SHARED_LOCATION = "db/migration/";

  static final String SQLITE_LOCATION = "db/sqlite/";

  static final String POSTGRES_LOCATION = "db/postgresql/";

  /**
   * Flyway's history table, column for column; only the time of each row is kept differently by the
   * two databases, as Flyway itself makes it on each.
   */
  private static final String HISTORY =
      """
      CREATE TABLE IF NOT EXISTS "flyway_schema_history" (
          "installed_rank" INT NOT NULL CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY,
          "version" VARCHAR(50),
          "description" VARCHAR(200) NOT NULL,
          "type" VARCHAR(20) NOT NULL,
          "script" VARCHAR(1000) NOT NULL,
          "checksum" INT,
          "installed_by" VARCHAR(100) NOT NULL,
          "installed_on" INSTALLED_ON,
          "execution_time" INT NOT NULL,
          "success" BOOLEAN NOT NULL
      )""";

  private static final String SQLITE_INSTALLED_ON =
      "TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now'))";
  private static final String POSTGRES_INSTALLED_ON = "TIMESTAMP NOT NULL DEFAULT now()";

  private static final String HISTORY_INDEX =
      "CREATE INDEX IF NOT EXISTS \"flyway_schema_history_s_idx\""
          + " ON \"flyway_schema_history\" (\"success\")";

  /**
   * The scripts for one database, given where its own scripts live: read when the store is known,
   * so only its database's are read.
   */
  private final Function<String, List<Migration>> scriptsFor;

  Migrations(Function<String, List<Migration>> scriptsFor) {
    this.scriptsFor = scriptsFor;
  }

  /** The gateway's own scripts. */
  public static Migrations bundled() {
    return new Migrations(Migrations::bundledScripts);
  }

  /** The shared scripts and one database's own, read from the class path, oldest first. */
  static List<Migration> bundledScripts(String ownLocation) {
    return Stream.concat(
            SHARED_SCRIPTS.stream().map(name -> Migration.bundled(SHARED_LOCATION, name)),
            OWN_SCRIPTS.stream().map(name -> Migration.bundled(ownLocation, name)))
        .sorted(Comparator.comparingInt(Migration::version))
        .toList();
  }

  /**
   * Applies what the store lacks.
   *
   * @return how many scripts were applied
   * @throws StoreSchemaException when the store's history does not fit this gateway's scripts
   */
  public int apply(DataSource dataSource) throws SQLException {
    return new Sql(dataSource).inTransaction(this::apply);
  }

  private int apply(Connection connection) throws SQLException {
    boolean postgres = Sql.isPostgres(connection);
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          HISTORY.replace("INSTALLED_ON", postgres ? POSTGRES_INSTALLED_ON : SQLITE_INSTALLED_ON));
      statement.execute(HISTORY_INDEX);
    }
    List<Migration> bundled = scriptsFor.apply(postgres ? POSTGRES_LOCATION : SQLITE_LOCATION);
    SchemaHistory history = SchemaHistory.read(connection);
    int done = history.appliedCount(bundled);
    String by = postgres ? currentUser(connection) : "";
    int rank = history.lastRank();
    for (Migration migration : bundled.subList(done, bundled.size())) {
      long started = System.nanoTime();
      try (Statement statement = connection.createStatement()) {
        for (String sql : migration.statements()) {
          statement.execute(sql);
        }
      } catch (SQLException e) {
        throw new SQLException(
            "migration "
                + migration.fileName()
                + " failed (the store is left as it was): "
                + e.getMessage(),
            e.getSQLState(),
            e.getErrorCode(),
            e);
      }
      record(connection, ++rank, migration, by, (System.nanoTime() - started) / 1_000_000);
    }
    return bundled.size() - done;
  }

  private static void record(
      Connection connection, int rank, Migration migration, String by, long millis)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
                + " \"execution_time\", \"success\") VALUES (?, ?, ?, 'SQL', ?, ?, ?, ?, ?)")) {
      insert.setInt(1, rank);
      insert.setString(2, Integer.toString(migration.version()));
      insert.setString(3, migration.description());
      insert.setString(4, migration.script());
      insert.setInt(5, migration.checksum());
      insert.setString(6, by);
      insert.setInt(7, (int) millis);
      insert.setBoolean(8, true);
      insert.executeUpdate();
    }
  }

  private static String currentUser(Connection connection) throws SQLException {
    return Sql.query(connection, "SELECT current_user", row -> row.getString(1)).get(0);
  }
}
