package dev.ghost.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.testsupport.PostgresStores;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The store's schema, migrated without Flyway yet as Flyway would: stores that earlier gateways
 * made with Flyway are continued, stores made here pass Flyway's own validation, and a store that
 * does not fit (newer, edited, half-migrated) stops the start with the reason. Real SQLite files, a
 * real PostgreSQL, and Flyway itself as the judge of compatibility.
 */
class MigrationsTest {

  /** A sequence a 32-bit key could not hold: both stores' keys must stay 64 bits. */
  private static final long BEYOND_32_BITS = 5_000_000_000L;

  @TempDir Path dir;

  @Test
  void aNewStoreGetsEveryScriptAndAHistoryFlywayAccepts() throws SQLException {
    DataSource store = sqlite("new.db");

    assertEquals(5, Migrations.bundled().apply(store));

    assertEquals(0, Migrations.bundled().apply(store), "a second start has nothing to do");
    assertFlywayAccepts(store, Migrations.SQLITE_LOCATION);
    assertEquals(List.of("1", "2", "3", "4", "5"), versions(store));
  }

  @Test
  void aStoreFlywayMadeIsContinuedWhereItStopped() throws SQLException {
    DataSource halfway = sqlite("halfway.db");
    flyway(halfway, Migrations.SQLITE_LOCATION).target("2").load().migrate();

    assertEquals(3, Migrations.bundled().apply(halfway));

    assertFlywayAccepts(halfway, Migrations.SQLITE_LOCATION);
    DataSource byFlyway = sqlite("flyway.db");
    flyway(byFlyway, Migrations.SQLITE_LOCATION).load().migrate();
    assertEquals(0, Migrations.bundled().apply(byFlyway));
    assertEquals(history(byFlyway), history(halfway), "the same versions, checksums and all");
  }

  @Test
  void anEarlierStoreKeepsEveryEventAndNotificationWhenTheyAreKeyedByRowId() throws SQLException {
    DataSource store = sqlite("earlier.db");
    flyway(store, Migrations.SQLITE_LOCATION).target("4").load().migrate();
    insertEvent(store, 1);
    insertEvent(store, BEYOND_32_BITS);
    execute(
        store,
        "INSERT INTO outbox (id, notification_id, channel, kind, daemon, from_state, to_state,"
            + " at_ms, since_ms, reason, source, sequence, created_ms, state, attempts,"
            + " last_error, done_ms) VALUES (7, 'n-7', 'slack', 'down', 'ghost-bridge', 'up',"
            + " 'down', 1000, 900, 'exit 1', 'registry', 3, 1001, 'failed', 4, 'HTTP 500', 1002)");
    List<String> events = everyRow(store, "events");
    List<String> outbox = everyRow(store, "outbox");

    assertEquals(1, Migrations.bundled().apply(store));

    assertEquals(events, everyRow(store, "events"));
    assertEquals(outbox, everyRow(store, "outbox"));
    assertEquals(
        List.of("events_by_daemon", "outbox_pending"),
        rows(
            store,
            "SELECT name FROM sqlite_master WHERE type = 'index'"
                + " AND tbl_name IN ('events', 'outbox') ORDER BY name"),
        "the keys are the tables' row ids, not indexes of their own");
  }

  @Test
  void aStoreOfANewerGatewayIsRefused() throws SQLException {
    DataSource store = sqlite("newer.db");
    Migrations.bundled().apply(store);
    Migrations older = migrations(sqliteScripts().subList(0, 4));

    StoreSchemaException refusal =
        assertThrows(StoreSchemaException.class, () -> older.apply(store));

    assertTrue(
        refusal.getMessage().contains("version 5, newer than this gateway's 4"),
        refusal.getMessage());
  }

  @Test
  void aScriptEditedAfterItRanIsRefused() throws SQLException {
    DataSource store = sqlite("edited.db");
    Migrations.bundled().apply(store);
    List<Migration> edited = new ArrayList<>(sqliteScripts());
    Migration second = edited.get(1);
    edited.set(1, script(second.fileName(), second.sql() + "\nCREATE TABLE extra (id INT);"));

    StoreSchemaException refusal =
        assertThrows(StoreSchemaException.class, () -> migrations(edited).apply(store));

    assertTrue(refusal.getMessage().contains("V2__alerts_and_outbox.sql"), refusal.getMessage());
  }

  @Test
  void aHistoryThatRecordsAFailedRunIsRefused() throws SQLException {
    DataSource store = sqlite("failed.db");
    migrations(sqliteScripts().subList(0, 1)).apply(store);
    execute(
        store,
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success)"
            + " VALUES (2, '2', 'alerts and outbox', 'SQL', 'x', 0, '', 0, 0)");

    StoreSchemaException refusal =
        assertThrows(StoreSchemaException.class, () -> Migrations.bundled().apply(store));

    assertTrue(refusal.getMessage().contains("failed migration (version 2"), refusal.getMessage());
  }

  @Test
  void aScriptThatFailsLeavesTheStoreAsItWas() throws SQLException {
    DataSource store = sqlite("broken.db");
    List<Migration> scripts = new ArrayList<>(sqliteScripts().subList(0, 2));
    scripts.add(script("V3__broken.sql", "CREATE TABLE fine (id INT);\nCREATE TABLE (;"));

    SQLException failure = assertThrows(SQLException.class, () -> migrations(scripts).apply(store));

    assertTrue(
        failure.getMessage().startsWith("migration V3__broken.sql failed"), failure.getMessage());
    assertEquals(
        List.of(), tables(store), "neither V1, V2, the table before the error, nor history");
    assertEquals(5, Migrations.bundled().apply(store), "and the next start migrates it whole");
  }

  @Test
  void instancesStartingTogetherOnPostgresqlMigrateOnce() throws Exception {
    try (PostgresStores postgres = PostgresStores.start()) {
      DataSource store = postgres.empty("together");
      ExecutorService instances = Executors.newFixedThreadPool(3);
      try {
        Callable<Integer> start = () -> Migrations.bundled().apply(store);
        List<Future<Integer>> starts = instances.invokeAll(List.of(start, start, start));
        int applied = 0;
        for (Future<Integer> each : starts) {
          applied += each.get();
        }
        assertEquals(5, applied, "every script once, whichever instance ran it");
      } finally {
        instances.shutdownNow();
      }
      assertEquals(List.of("1", "2", "3", "4", "5"), versions(store));
      assertFlywayAccepts(store, Migrations.POSTGRES_LOCATION);
      DataSource byFlyway = postgres.empty("byflyway");
      flyway(byFlyway, Migrations.POSTGRES_LOCATION).load().migrate();
      assertEquals(0, Migrations.bundled().apply(byFlyway));
      insertEvent(store, BEYOND_32_BITS);
      assertEquals(List.of(Long.toString(BEYOND_32_BITS)), rows(store, "SELECT seq FROM events"));
    }
  }

  @Test
  void statementsEndAtSemicolonsOutsideQuotesAndComments() {
    Migration script =
        script(
            "V9__split.sql",
            """
            -- a comment; not a statement
            CREATE TABLE a (note TEXT DEFAULT 'x;y', "odd;name" INT);
            /* a block; comment */ INSERT INTO a (note) VALUES ('it''s; fine');

            UPDATE a SET note = 'z' -- trailing; comment
            ;""");

    assertEquals(
        List.of(
            "CREATE TABLE a (note TEXT DEFAULT 'x;y', \"odd;name\" INT)",
            "INSERT INTO a (note) VALUES ('it''s; fine')",
            "UPDATE a SET note = 'z'"),
        script.statements());
  }

  @Test
  void aScriptsChecksumIgnoresHowItsLinesEnd() {
    String lf = "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n";
    int checksum = script("V1__a.sql", lf).checksum();

    assertEquals(checksum, script("V1__a.sql", lf.replace("\n", "\r\n")).checksum());
    assertEquals(checksum, script("V1__a.sql", "\uFEFF" + lf).checksum());
    assertTrue(checksum != script("V1__a.sql", lf + "-- more\n").checksum());
  }

  @Test
  void everyBundledScriptIsListed() throws IOException, URISyntaxException {
    assertEquals(Migrations.SHARED_SCRIPTS, scriptsIn(Migrations.SHARED_LOCATION));
    assertEquals(Migrations.OWN_SCRIPTS, scriptsIn(Migrations.SQLITE_LOCATION));
    assertEquals(Migrations.OWN_SCRIPTS, scriptsIn(Migrations.POSTGRES_LOCATION));
  }

  private List<String> scriptsIn(String location) throws IOException, URISyntaxException {
    Path directory = Path.of(getClass().getClassLoader().getResource(location).toURI());
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private DataSource sqlite(String name) {
    SQLiteDataSource store = new SQLiteDataSource();
    store.setUrl("jdbc:sqlite:" + dir.resolve(name));
    return store;
  }

  /** A script every kind of store would run. */
  private static Migration script(String fileName, String sql) {
    return Migration.of(Migrations.SHARED_LOCATION, fileName, sql);
  }

  private static Migrations migrations(List<Migration> scripts) {
    return new Migrations(ownLocation -> scripts);
  }

  private static List<Migration> sqliteScripts() {
    return Migrations.bundledScripts(Migrations.SQLITE_LOCATION);
  }

  /** Flyway as an earlier gateway ran it, with the one database's own scripts beside the shared. */
  private static FluentConfiguration flyway(DataSource store, String ownLocation) {
    return Flyway.configure()
        .dataSource(store)
        .locations("classpath:" + Migrations.SHARED_LOCATION, "classpath:" + ownLocation);
  }

  private static void assertFlywayAccepts(DataSource store, String ownLocation) {
    ValidateResult validation = flyway(store, ownLocation).load().validateWithResult();
    assertTrue(validation.validationSuccessful, () -> String.valueOf(validation.invalidMigrations));
    assertEquals(0, flyway(store, ownLocation).load().info().pending().length);
  }

  private static List<String> versions(DataSource store) throws SQLException {
    return rows(store, "SELECT version FROM flyway_schema_history ORDER BY installed_rank");
  }

  private static List<String> history(DataSource store) throws SQLException {
    return rows(
        store,
        // Not the script's path: Flyway on its own writes it from the location, Quarkus's Flyway
        // (which earlier gateways ran, and whose form Migrations writes) from the class path.
        "SELECT installed_rank || ' ' || version || ' ' || description || ' ' || type || ' '"
            + " || checksum || ' ' || success FROM flyway_schema_history"
            + " ORDER BY installed_rank");
  }

  private static void insertEvent(DataSource store, long seq) throws SQLException {
    execute(
        store,
        "INSERT INTO events (seq, at_ms, daemon, kind, from_state, to_state, reason, source,"
            + " snapshot_seq) VALUES ("
            + seq
            + ", 1000, 'ghost-bridge', 'down', 'up', 'down', 'exit 1', 'registry', 3)");
  }

  /** Every column of every row, in the table's column order. */
  private static List<String> everyRow(DataSource store, String table) throws SQLException {
    try (Connection connection = store.getConnection()) {
      return Sql.query(
          connection,
          "SELECT * FROM " + table + " ORDER BY 1",
          row -> {
            StringBuilder columns = new StringBuilder();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
              columns.append(row.getMetaData().getColumnName(i)).append('=');
              columns.append(row.getString(i)).append(' ');
            }
            return columns.toString();
          });
    }
  }

  private static List<String> tables(DataSource store) throws SQLException {
    return rows(store, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  }

  private static List<String> rows(DataSource store, String select) throws SQLException {
    try (Connection connection = store.getConnection()) {
      return Sql.query(connection, select, row -> row.getString(1));
    }
  }

  private static void execute(DataSource store, String sql) throws SQLException {
    try (Connection connection = store.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
