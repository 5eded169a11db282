package dev.ghost.gateway.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Tells a damaged or lost SQLite store from a new install before anything opens it. SQLite takes an
 * empty file for an empty database, so without this a truncated {@code gateway.db} starts over as a
 * fresh install: the event sequence restarts, the outbox and silences are gone, and nobody is told.
 * A store that existed is never silently replaced; the gateway refuses to start and says how to
 * start fresh on purpose.
 */
public final class StoreFile {

  private static final String JDBC_PREFIX = "jdbc:sqlite:";
  private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final Path database;

  private StoreFile(Path database) {
    this.database = database.toAbsolutePath().normalize();
  }

  /** The SQLite file a JDBC URL names; empty for another kind of store. */
  public static Optional<StoreFile> of(String jdbcUrl) {
    if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
      return Optional.empty();
    }
    String path = jdbcUrl.substring(JDBC_PREFIX.length()).split("\\?", 2)[0];
    return Optional.of(at(Path.of(path)));
  }

  /** The SQLite file at {@code database}. */
  public static StoreFile at(Path database) {
    return new StoreFile(database);
  }

  public Path path() {
    return database;
  }

  /**
   * What is wrong with the file, or empty when it is a SQLite database or a new install.
   *
   * @param statusFile the gateway's status.json: when it exists, the gateway has run here before,
   *     so a missing store was lost, not never made
   */
  public Optional<String> damage(Path statusFile) {
    String fresh = "to start fresh on purpose, delete " + database;
    if (!Files.exists(database)) {
      return Files.exists(statusFile)
          ? Optional.of(
              "the store "
                  + database
                  + " is missing, but "
                  + statusFile.toAbsolutePath().normalize()
                  + " shows this gateway ran here before; restore the store from a backup, or"
                  + " to start fresh on purpose, delete that status file too")
          : Optional.empty();
    }
    try {
      if (Files.size(database) == 0) {
        return Optional.of(
            "the store "
                + database
                + " is empty (0 bytes): its events, outbox and silences are gone. Restore it from"
                + " a backup, or "
                + fresh);
      }
      if (!hasHeader()) {
        return Optional.of(
            "the store "
                + database
                + " is not a SQLite database (SQLITE_NOTADB). Restore it from a backup, or "
                + fresh);
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(cannotOpen(e.toString()));
    }
  }

  /**
   * One line for a store server that cannot be reached or refuses: where it is (the URL without its
   * parameters, which may carry a password) and the root cause.
   */
  public static String unreachable(String jdbcUrl, Throwable failure) {
    return "cannot open the store at "
        + location(jdbcUrl)
        + ": "
        + rootMessage(failure)
        + "; check that it runs, that this machine reaches it, and the user and password";
  }

  /** Where a store is, for messages: its file, or its URL without the parameters. */
  public static String location(String jdbcUrl) {
    if (jdbcUrl == null) {
      return "?";
    }
    return of(jdbcUrl).map(file -> file.database.toString()).orElse(jdbcUrl.split("\\?", 2)[0]);
  }

  /** One line for a failure to open or migrate the store: the file, the cause, what to do. */
  public String explain(Throwable failure) {
    Optional<SQLiteErrorCode> code = sqliteCode(failure);
    if (code.isEmpty()) {
      return "cannot open the store " + database + ": " + rootMessage(failure);
    }
    return switch (code.get()) {
      case SQLITE_NOTADB ->
          "the store "
              + database
              + " is not a SQLite database (SQLITE_NOTADB). Restore it from a backup, or to start"
              + " fresh on purpose, delete it";
      case SQLITE_CORRUPT ->
          "the store "
              + database
              + " is damaged (SQLITE_CORRUPT). Stop every process using it, then recover what is"
              + " left with: sqlite3 "
              + database
              + " .recover | sqlite3 recovered.db, and move recovered.db in its place; or restore"
              + " a backup";
      case SQLITE_CANTOPEN -> cannotOpen("SQLITE_CANTOPEN");
      // The failure's own words: a script that met a table someone made by hand says which.
      default -> "cannot open the store " + database + ": " + firstLine(failure);
    };
  }

  private String cannotOpen(String cause) {
    return "cannot open the store "
        + database
        + " ("
        + cause
        + "): check that its directory exists and that the gateway's user may read and write both";
  }

  private boolean hasHeader() throws IOException {
    try (InputStream in = Files.newInputStream(database)) {
      return Arrays.equals(in.readNBytes(HEADER.length), HEADER);
    }
  }

  private static Optional<SQLiteErrorCode> sqliteCode(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite) {
        // Extended codes (SQLITE_CORRUPT_INDEX, SQLITE_CANTOPEN_ISDIR...) keep the primary code
        // in their low byte.
        return Optional.of(SQLiteErrorCode.getErrorCode(sqlite.getResultCode().code & 0xff));
      }
    }
    return Optional.empty();
  }

  private static String firstLine(Throwable failure) {
    String message = failure.getMessage() == null ? rootMessage(failure) : failure.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
