package dev.ghost.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The few JDBC moves every store makes, so each store reads as its SQL. Parameters are Strings,
 * numbers, Instants (stored as epoch milliseconds) or null.
 */
final class Sql {

  /** Reads one row into a value. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Work done on one connection, in one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  /** Whether the store is PostgreSQL; learned from the first transaction's connection. */
  private volatile Boolean postgres;

  Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Every write transaction takes this lock on PostgreSQL, so writers from several instances run
   * one at a time, as SQLite's one writer does by itself: the next event and row numbers ({@code
   * MAX + 1}) are then never taken twice.
   */
  private static final String ONE_WRITER = "SELECT pg_advisory_xact_lock(4711001)";

  /**
   * Runs {@code work} in one transaction: all of its writes are stored, or none; on PostgreSQL, one
   * such transaction at a time across every instance of the gateway.
   */
  <T> T inTransaction(Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (postgres == null) {
          postgres = isPostgres(connection);
        }
        if (postgres) {
          query(connection, ONE_WRITER, row -> null);
        }
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  <T> List<T> query(String sql, Row<T> row, Object... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return query(connection, sql, row, parameters);
    }
  }

  static <T> List<T> query(Connection connection, String sql, Row<T> row, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      List<T> rows = new ArrayList<>();
      try (ResultSet results = statement.executeQuery()) {
        while (results.next()) {
          rows.add(row.read(results));
        }
      }
      return rows;
    }
  }

  int update(String sql, Object... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return update(connection, sql, parameters);
    }
  }

  static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    }
  }

  static boolean isPostgres(Connection connection) throws SQLException {
    return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
  }

  static long nextId(Connection connection, String table) throws SQLException {
    return query(connection, "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table, row -> row.getLong(1))
        .get(0);
  }

  static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      if (value == null) {
        statement.setNull(i + 1, Types.NULL);
      } else if (value instanceof Instant instant) {
        statement.setLong(i + 1, instant.toEpochMilli());
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }

  static Instant instant(ResultSet row, int column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
