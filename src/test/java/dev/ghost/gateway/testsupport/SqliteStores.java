package dev.ghost.gateway.testsupport;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return dataSource;
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
