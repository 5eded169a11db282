package dev.ghost.gateway.testsupport;

import dev.ghost.gateway.store.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

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

  /** A new, empty database named {@code name}, with no migrations applied. */
  public DataSource empty(String name) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return postgres.getDatabase("postgres", name);
  }

  /** A fresh database with the migrations applied. */
  public DataSource migrated() {
    DataSource dataSource = postgres.getPostgresDatabase();
    try {
      Migrations.bundled().apply(dataSource);
    } catch (SQLException e) {
      throw new IllegalStateException("the store could not be migrated", e);
    }
    return dataSource;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
