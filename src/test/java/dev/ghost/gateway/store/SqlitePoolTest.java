package dev.ghost.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/** Every connection of the pool is set up as the store needs it, the first and the fourth alike. */
class SqlitePoolTest {

  @TempDir Path dir;

  @Test
  void everyConnectionIsInWalModeWithImmediateTransactionsAndNoCheckpointInACommit()
      throws SQLException {
    try (HikariDataSource pool = SqlitePool.open(dir.resolve("gateway.db"))) {
      List<Connection> held = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          Connection connection = pool.getConnection();
          held.add(connection);
          assertEquals("wal", pragma(connection, "journal_mode"));
          assertEquals("1", pragma(connection, "synchronous"), "NORMAL");
          assertEquals("5000", pragma(connection, "busy_timeout"));
          assertEquals("1", pragma(connection, "foreign_keys"));
          assertEquals("0", pragma(connection, "wal_autocheckpoint"));
          assertEquals(
              SQLiteConfig.TransactionMode.IMMEDIATE,
              connection.unwrap(SQLiteConnection.class).getConnectionConfig().getTransactionMode());
        }
      } finally {
        for (Connection connection : held) {
          connection.close();
        }
      }
    }
  }

  private static String pragma(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("PRAGMA " + name)) {
      row.next();
      return row.getString(1);
    }
  }
}
