package dev.ghost.gateway.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import dev.ghost.gateway.store.Migrations;
import dev.ghost.gateway.store.SqlitePool;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A real SQLite file, set up as the gateway sets it up (WAL, synchronous=NORMAL, IMMEDIATE
 * transactions), with its migrations applied, for tests and benchmarks that run without Quarkus.
 */
public final class SqliteStores {

  private SqliteStores() {}

  public static DataSource migrated(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(5000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file);
    try {
      Migrations.bundled().apply(dataSource);
    } catch (SQLException e) {
      throw new IllegalStateException("the store could not be migrated", e);
    }
    return dataSource;
  }

  /**
   * The same file behind the gateway's own pool ({@link SqlitePool}), for benchmarks: opening a
   * SQLite connection per transaction costs milliseconds the running gateway never pays. The caller
   * checkpoints, as the gateway does ({@link dev.ghost.gateway.store.WalCheckpoints#INTERVAL}).
   */
  public static HikariDataSource pooled(Path file) {
    migrated(file);
    return SqlitePool.open(file);
  }

  /** A data source that refuses connections while {@code broken} is set, like a full disk would. */
  public static DataSource breakable(DataSource real, AtomicBoolean broken) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (broken.get() && method.getName().equals("getConnection")) {
                throw new SQLException("disk I/O error");
              }
              return method.invoke(real, args);
            });
  }
}
