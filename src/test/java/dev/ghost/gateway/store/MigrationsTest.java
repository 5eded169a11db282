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

  @TempDir Path dir;

  @Test
  void aNewStoreGetsEveryScriptAndAHistoryFlywayAccepts() throws SQLException {
    DataSource store = sqlite("new.db");

    assertEquals(4, Migrations.bundled().apply(store));

    assertEquals(0, Migrations.bundled().apply(store), "a second start has nothing to do");
    assertFlywayAccepts(store);
    assertEquals(List.of("1", "2", "3", "4"), versions(store));
  }

  @Test
  void aStoreFlywayMadeIsContinuedWhereItStopped() throws SQLException {
    DataSource halfway = sqlite("halfway.db");
    flyway(halfway).target("2").load().migrate();

    assertEquals(2, Migrations.bundled().apply(halfway));

    assertFlywayAccepts(halfway);
    DataSource byFlyway = sqlite("flyway.db");
    flyway(byFlyway).load().migrate();
    assertEquals(0, Migrations.bundled().apply(byFlyway));
    assertEquals(history(byFlyway), history(halfway), "the same versions, checksums and all");
  }

  @Test
  void aStoreOfANewerGatewayIsRefused() throws SQLException {
    DataSource store = sqlite("newer.db");
    Migrations.bundled().apply(store);
    Migrations older = new Migrations(Migrations.bundledScripts().subList(0, 3));

    StoreSchemaException refusal =
        assertThrows(StoreSchemaException.class, () -> older.apply(store));

    assertTrue(
        refusal.getMessage().contains("version 4, newer than this gateway's 3"),
        refusal.getMessage());
  }

  @Test
  void aScriptEditedAfterItRanIsRefused() throws SQLException {
    DataSource store = sqlite("edited.db");
    Migrations.bundled().apply(store);
    List<Migration> edited = new ArrayList<>(Migrations.bundledScripts());
    Migration second = edited.get(1);
    edited.set(1, Migration.of(second.fileName(), second.sql() + "\nCREATE TABLE extra (id INT);"));

    StoreSchemaException refusal =
        assertThrows(StoreSchemaException.class, () -> new Migrations(edited).apply(store));

    assertTrue(refusal.getMessage().contains("V2__alerts_and_outbox.sql"), refusal.getMessage());
  }

  @Test
  void aHistoryThatRecordsAFailedRunIsRefused() throws SQLException {
    DataSource store = sqlite("failed.db");
    new Migrations(Migrations.bundledScripts().subList(0, 1)).apply(store);
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
    List<Migration> scripts = new ArrayList<>(Migrations.bundledScripts().subList(0, 2));
    scripts.add(Migration.of("V3__broken.sql", "CREATE TABLE fine (id INT);\nCREATE TABLE (;"));

    SQLException failure =
        assertThrows(SQLException.class, () -> new Migrations(scripts).apply(store));

    assertTrue(
        failure.getMessage().startsWith("migration V3__broken.sql failed"), failure.getMessage());
    assertEquals(
        List.of(), tables(store), "neither V1, V2, the table before the error, nor history");
    assertEquals(4, Migrations.bundled().apply(store), "and the next start migrates it whole");
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
        assertEquals(4, applied, "every script once, whichever instance ran it");
      } finally {
        instances.shutdownNow();
      }
      assertEquals(List.of("1", "2", "3", "4"), versions(store));
      assertFlywayAccepts(store);
      DataSource byFlyway = postgres.empty("byflyway");
      flyway(byFlyway).load().migrate();
      assertEquals(0, Migrations.bundled().apply(byFlyway));
    }
  }

  @Test
  void statementsEndAtSemicolonsOutsideQuotesAndComments() {
    Migration script =
        Migration.of(
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
    int checksum = Migration.of("V1__a.sql", lf).checksum();

    assertEquals(checksum, Migration.of("V1__a.sql", lf.replace("\n", "\r\n")).checksum());
    assertEquals(checksum, Migration.of("V1__a.sql", "\uFEFF" + lf).checksum());
    assertTrue(checksum != Migration.of("V1__a.sql", lf + "-- more\n").checksum());
  }

  @Test
  void everyScriptInTheMigrationDirectoryIsListed() throws IOException, URISyntaxException {
    Path directory = Path.of(getClass().getClassLoader().getResource(Migration.LOCATION).toURI());
    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(
          files.map(file -> file.getFileName().toString()).sorted().toList(),
          Migrations.SCRIPTS.stream().sorted().toList());
    }
  }

  private DataSource sqlite(String name) {
    SQLiteDataSource store = new SQLiteDataSource();
    store.setUrl("jdbc:sqlite:" + dir.resolve(name));
    return store;
  }

  private static FluentConfiguration flyway(DataSource store) {
    return Flyway.configure().dataSource(store).locations("classpath:db/migration");
  }

  private static void assertFlywayAccepts(DataSource store) {
    ValidateResult validation = flyway(store).load().validateWithResult();
    assertTrue(validation.validationSuccessful, () -> String.valueOf(validation.invalidMigrations));
    assertEquals(0, flyway(store).load().info().pending().length);
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
