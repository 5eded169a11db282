package dev.ghost.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.testsupport.SqliteStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With automatic checkpoints off, commits leave the database file as it was and only the log grows;
 * a checkpoint copies the log into the file.
 */
class WalCheckpointsTest {

  @TempDir Path dir;

  @Test
  void commitsOnlyAppendToTheLogAndACheckpointCopiesItIntoTheFile() throws Exception {
    Path file = dir.resolve("gateway.db");
    DataSource store = SqliteStores.migrated(file);
    // Held open: the last connection to close would checkpoint by itself.
    try (Connection writer = store.getConnection()) {
      try (Statement pragmas = writer.createStatement()) {
        pragmas.execute("PRAGMA wal_autocheckpoint=0");
        pragmas.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
      long before = Files.size(file);
      try (PreparedStatement insert =
          writer.prepareStatement("INSERT INTO gateway_meta (name, value) VALUES (?, ?)")) {
        for (int i = 0; i < 200; i++) {
          insert.setString(1, "row-" + i);
          insert.setString(2, "x".repeat(1000));
          insert.executeUpdate();
        }
      }
      assertEquals(before, Files.size(file), "a commit copied the log into the file");

      assertEquals(0, new WalCheckpoints(store).checkpoint());
      assertTrue(Files.size(file) > before + 150_000, "the rows are in the file");
    }
  }
}
