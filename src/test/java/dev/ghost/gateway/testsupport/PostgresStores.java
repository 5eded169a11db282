package dev.ghost.gateway.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL 14, started from Maven by the test itself (no container engine), with the
 * gateway's migrations applied: the store's SQL is tested on both databases it runs on.
 */
public final class PostgresStores implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private PostgresStores(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static PostgresStores start() {
    try {
      return new PostgresStores(EmbeddedPostgres.builder().start());
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
  }

  /** A fresh database with the migrations applied. */
  public DataSource migrated() {
    DataSource dataSource = postgres.getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return dataSource;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
