package dev.ghost.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.store.WalCheckpoints;
import dev.ghost.gateway.testsupport.ManualTicker;
import dev.ghost.gateway.testsupport.SqliteStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's log reaches its file after a snapshot once a second has passed since the last
 * checkpoint, and not sooner: a commit alone leaves the file as it was (automatic checkpoints are
 * off), so the file's size tells whether a checkpoint ran.
 */
class CheckpointsBetweenSnapshotsTest {

  @TempDir Path dir;

  private final ManualTicker ticker = new ManualTicker();

  @Test
  void checkpointsAfterASnapshotAtMostOnceASecond() throws Exception {
    var store = SqliteStores.pooled(dir.resolve("gateway.db"));
    var checkpoints = new CheckpointsBetweenSnapshots(new WalCheckpoints(store), ticker);
    Path file = dir.resolve("gateway.db");
    // Held open: the last connection to close would checkpoint by itself.
    try (Connection writer = store.getConnection()) {
      checkpoints.accept(null); // the first snapshot's: the schema's log into the file
      long size = Files.size(file);

      ticker.advance(Duration.ofSeconds(1));
      insertRows(writer, "first");
      checkpoints.accept(null);
      assertTrue(Files.size(file) > size, "a second later, the log is copied");
      size = Files.size(file);

      ticker.advance(Duration.ofMillis(999));
      insertRows(writer, "second");
      checkpoints.accept(null);
      assertEquals(size, Files.size(file), "a checkpoint ran within a second of the last");

      ticker.advance(Duration.ofMillis(1));
      checkpoints.accept(null);
      assertTrue(Files.size(file) > size, "a second later, the log is copied again");
    }
  }

  @Test
  void aStoreThatCannotCheckpointDoesNotStopTheSnapshotThread() throws Exception {
    var store = SqliteStores.pooled(dir.resolve("gateway.db"));
    var checkpoints = new CheckpointsBetweenSnapshots(new WalCheckpoints(store), ticker);
    store.close();

    checkpoints.accept(null); // logged, not thrown
  }

  private static void insertRows(Connection writer, String prefix) throws Exception {
    try (PreparedStatement insert =
        writer.prepareStatement("INSERT INTO gateway_meta (name, value) VALUES (?, ?)")) {
      for (int i = 0; i < 100; i++) {
        insert.setString(1, prefix + "-" + i);
        insert.setString(2, "x".repeat(1000));
        insert.executeUpdate();
      }
    }
  }
}
