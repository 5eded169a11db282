package dev.ghost.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import org.sqlite.JDBC;

/**
 * The SQLite store's connections, as every part of the gateway gets them: the file in WAL mode,
 * transactions that begin IMMEDIATE, and no checkpoint in a commit, behind a pool of four.
 *
 * <p>HikariCP rather than Quarkus's Agroal, which the PostgreSQL store keeps: Agroal's JDBC
 * wrappers each build a dynamic proxy when first used, which Java's AOT cache cannot hold, 60-90 ms
 * of every cold start of the default, single-process gateway; HikariCP's proxies are classes in its
 * jar.
 */
public final class SqlitePool {

  /**
   * Transactions begin IMMEDIATE: the tick and the senders both write, and a transaction that
   * starts as a reader cannot become a writer after the other one committed (SQLITE_BUSY at once,
   * past any busy timeout).
   */
  private static final String SETTINGS =
      "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=5000&foreign_keys=true"
          + "&transaction_mode=IMMEDIATE";

  /**
   * SQLite's automatic checkpoint runs in the connection that committed, so now and then a tick's
   * commit (and the notification waiting on it) paid ~10 ms of copying and fsync; {@link
   * WalCheckpoints} does it on a thread of its own instead.
   */
  private static final String ON_EACH_CONNECTION = "PRAGMA wal_autocheckpoint=0";

  /** The snapshot thread, the senders, a reader and a checkpoint; SQLite has one writer anyway. */
  private static final int CONNECTIONS = 4;

  /** How long an operation waits for a free connection before it fails, as Agroal's did. */
  private static final Duration ACQUISITION_TIMEOUT = Duration.ofSeconds(5);

  private SqlitePool() {}

  public static String url(Path file) {
    return "jdbc:sqlite:" + file + SETTINGS;
  }

  /**
   * Opens no connection yet: a file that cannot be opened is reported by its first use, where the
   * gateway's start explains it ({@link StoreFile}), not by the pool.
   */
  public static HikariDataSource open(Path file) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("sqlite");
    config.setJdbcUrl(url(file));
    // Named, not looked up through DriverManager, which hides a driver registered by another class
    // loader (a restart of Quarkus in the same JVM, as the tests do).
    config.setDriverClassName(JDBC.class.getName());
    config.setConnectionInitSql(ON_EACH_CONNECTION);
    config.setMaximumPoolSize(CONNECTIONS);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(ACQUISITION_TIMEOUT.toMillis());
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }
}
