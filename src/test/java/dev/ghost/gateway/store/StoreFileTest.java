package dev.ghost.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.testsupport.SqliteStores;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * A store that existed is never taken for a new install, and a store SQLite cannot open is
 * explained in one line with its path: every case on a real file and with SQLite's real errors.
 */
class StoreFileTest {

  @TempDir Path dir;

  private StoreFile store() {
    return StoreFile.of("jdbc:sqlite:" + dir.resolve("gateway.db") + "?journal_mode=WAL").get();
  }

  private Path statusFile() {
    return dir.resolve("status.json");
  }

  @Test
  void aNewInstallAndAGoodStoreAreFine() {
    assertEquals(Optional.empty(), store().damage(statusFile()));
    SqliteStores.migrated(dir.resolve("gateway.db"));
    assertEquals(Optional.empty(), store().damage(statusFile()));
    assertEquals(dir.resolve("gateway.db"), store().path());
  }

  @Test
  void anotherKindOfStoreIsNotAFile() {
    assertTrue(StoreFile.of("jdbc:postgresql://db:5432/ghost").isEmpty());
  }

  @Test
  void aZeroByteStoreIsDamageNotANewInstall() throws IOException {
    Files.createFile(dir.resolve("gateway.db"));
    String problem = store().damage(statusFile()).orElseThrow();
    assertTrue(problem.contains(dir.resolve("gateway.db") + " is empty (0 bytes)"), problem);
    assertTrue(problem.contains("to start fresh on purpose, delete"), problem);
  }

  @Test
  void aFileThatIsNotSqliteIsNamed() throws IOException {
    Files.writeString(dir.resolve("gateway.db"), "{\"this\": \"is json, not a database\"}");
    String problem = store().damage(statusFile()).orElseThrow();
    assertTrue(problem.contains("is not a SQLite database (SQLITE_NOTADB)"), problem);
  }

  @Test
  void aMissingStoreBesideAStatusFileWasLostNotNeverMade() throws IOException {
    Files.writeString(statusFile(), "{\"sequence\": 557}");
    String problem = store().damage(statusFile()).orElseThrow();
    assertTrue(problem.contains("is missing"), problem);
    assertTrue(problem.contains("delete that status file too"), problem);
  }

  @Test
  void aDamagedStoreIsExplainedInOneLine() throws Exception {
    Path db = dir.resolve("gateway.db");
    DataSource migrated = SqliteStores.migrated(db);
    try (Connection connection = migrated.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      statement.execute("PRAGMA journal_mode=DELETE");
    }
    trashEveryPageButTheFirst(db);

    SQLiteDataSource reopened = new SQLiteDataSource();
    reopened.setUrl("jdbc:sqlite:" + db);
    SQLException failure =
        assertThrows(SQLException.class, () -> Migrations.bundled().apply(reopened));

    String line = store().explain(failure);
    assertTrue(line.contains(db + " is damaged (SQLITE_CORRUPT)"), line);
    assertTrue(line.contains(".recover"), line);
    assertFalse(line.contains("\n"), line);
  }

  @Test
  void aStoreThatCannotBeOpenedSaysWhatToCheck() throws IOException {
    Path directory = Files.createDirectory(dir.resolve("gateway.db"));
    SQLiteDataSource notAFile = new SQLiteDataSource();
    notAFile.setUrl("jdbc:sqlite:" + directory);
    SQLException failure =
        assertThrows(
            SQLException.class,
            () -> {
              try (Connection connection = notAFile.getConnection();
                  Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (x)");
              }
            });

    String line = store().explain(failure);
    assertTrue(line.startsWith("cannot open the store " + directory + " (SQLITE_CANTOPEN)"), line);
    assertTrue(line.contains("may read and write"), line);
  }

  @Test
  void aStoreWhoseTablesDoNotFitTheScriptsSaysWhichScriptAndWhy() throws SQLException {
    Path db = dir.resolve("gateway.db");
    SQLiteDataSource handMade = new SQLiteDataSource();
    handMade.setUrl("jdbc:sqlite:" + db);
    try (Connection connection = handMade.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE events (id INTEGER)");
    }
    SQLException failure =
        assertThrows(SQLException.class, () -> Migrations.bundled().apply(handMade));

    String line = store().explain(failure);
    assertTrue(
        line.startsWith("cannot open the store " + db + ": migration V1__event_log.sql"), line);
    assertTrue(line.contains("table events already exists"), line);
    assertFalse(line.contains("\n"), line);
  }

  private static void trashEveryPageButTheFirst(Path db) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
      int pageSize = 4096;
      byte[] garbage = new byte[pageSize];
      java.util.Arrays.fill(garbage, (byte) 0x5A);
      for (long at = pageSize; at < file.length(); at += pageSize) {
        file.seek(at);
        file.write(garbage);
      }
    }
  }
}
