package dev.ghost.gateway.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One versioned script of the store's schema, named and counted as Flyway names and counts it
 * ({@code V<version>__<description>.sql}, a CRC32 checksum), so that a store's history reads the
 * same to this gateway and to Flyway.
 *
 * @param location the folder it is in, on the class path and in a store's history
 * @param fileName e.g. {@code V1__event_log.sql}
 * @param sql the script's text
 */
record Migration(int version, String description, String location, String fileName, String sql) {

  /** The script {@code location + fileName} as bundled with the gateway. */
  static Migration bundled(String location, String fileName) {
    try (InputStream in =
        Migration.class.getClassLoader().getResourceAsStream(location + fileName)) {
      if (in == null) {
        throw new IllegalStateException("migration " + location + fileName + " is not bundled");
      }
      return of(location, fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Migration of(String location, String fileName, String sql) {
    int separator = fileName.indexOf("__");
    if (!fileName.startsWith("V") || separator < 2 || !fileName.endsWith(".sql")) {
      throw new IllegalArgumentException("not a versioned script name: " + fileName);
    }
    int version = Integer.parseInt(fileName.substring(1, separator));
    String description =
        fileName.substring(separator + 2, fileName.length() - ".sql".length()).replace('_', ' ');
    return new Migration(version, description, location, fileName, sql);
  }

  /** The script as the history names it. */
  String script() {
    return location + fileName;
  }

  /**
   * Flyway's checksum: a CRC32 over each line's UTF-8 bytes without its line break (and without a
   * byte order mark on the first), so a script saved with other line endings keeps its checksum.
   */
  int checksum() {
    CRC32 crc = new CRC32();
    try (BufferedReader lines = new BufferedReader(new StringReader(sql))) {
      String line = lines.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      for (; line != null; line = lines.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException cannotHappenOnAString) {
      throw new UncheckedIOException(cannotHappenOnAString);
    }
    return (int) crc.getValue();
  }

  /**
   * The script's statements: each ends at a semicolon outside quotes and comments. Enough for
   * tables, indexes, plain inserts and updates; a script with a trigger or function body (a
   * semicolon inside BEGIN ... END or $$ ... $$) would need more, and the test that runs every
   * bundled script would say so.
   */
  List<String> statements() {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        current.append(c);
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        current.append(c);
        quote = c;
      } else if (c == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end - 1;
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 1;
      } else if (c == ';') {
        add(statements, current);
      } else {
        current.append(c);
      }
    }
    add(statements, current);
    return statements;
  }

  private static void add(List<String> statements, StringBuilder current) {
    String statement = current.toString().strip();
    if (!statement.isEmpty()) {
      statements.add(statement);
    }
    current.setLength(0);
  }
}
