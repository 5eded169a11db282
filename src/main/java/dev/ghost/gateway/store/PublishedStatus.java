package dev.ghost.gateway.store;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The leader's latest status document in the shared store, byte for byte: followers serve it as
 * their own, so every instance answers with the same bytes and the same ETag.
 */
public final class PublishedStatus {

  /** One published document. */
  public record Document(long sequence, Instant takenAt, byte[] body) {}

  private final Sql sql;

  public PublishedStatus(DataSource dataSource) {
    this.sql = new Sql(Objects.requireNonNull(dataSource));
  }

  /**
   * Stores the document, within {@code fence}'s transaction so that a leader that lost its lease
   * stores nothing more.
   */
  public void save(Document document, InTransaction fence) throws SQLException {
    sql.inTransaction(
        connection -> {
          fence.write(connection);
          Sql.update(
              connection,
              "INSERT INTO published_status (id, sequence, taken_ms, body) VALUES (1, ?, ?, ?)"
                  + " ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence,"
                  + " taken_ms = excluded.taken_ms, body = excluded.body",
              document.sequence(),
              document.takenAt(),
              new String(document.body(), StandardCharsets.UTF_8));
          return null;
        });
  }

  /**
   * The stored document unless it is the one a reader has ({@code sequence} taken at {@code
   * takenAt}); a new leader may number again from the last recorded snapshot, so "other", not
   * "higher".
   */
  public Optional<Document> otherThan(long sequence, Instant takenAt) throws SQLException {
    List<Document> rows =
        sql.query(
            "SELECT sequence, taken_ms, body FROM published_status WHERE id = 1"
                + " AND (sequence <> ? OR taken_ms <> ?)",
            row ->
                new Document(
                    row.getLong(1),
                    Instant.ofEpochMilli(row.getLong(2)),
                    row.getString(3).getBytes(StandardCharsets.UTF_8)),
            sequence,
            takenAt);
    return rows.stream().findFirst();
  }
}
