package dev.ghost.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.testsupport.SqliteStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged gateway refuses a start it cannot make safely: one short block naming every problem,
 * no stack trace, a non-zero exit, and nothing written to the data directory.
 */
class StartRefusalIT {

  @TempDir Path dataDir;

  @Test
  void everyConfigProblemShowsInOneBlockAndNothingIsWritten() throws Exception {
    Refusal refusal =
        start(
            List.of(
                "-Dgateway.slack.webhook-url=not-a-url",
                "-Dgateway.routes.r.match=ghost-*",
                "-Dgateway.routes.r.channels=nowhere",
                "-Dgateway.daemons.db.probe.tcp.host=127.0.0.1",
                "-Dgateway.daemons.db.probe.tcp.port=70000"));

    refusal.assertOneBlockWithoutStackTrace();
    for (String key :
        List.of(
            "gateway.slack.webhook-url",
            "gateway.routes.r.channels",
            "gateway.daemons.db.probe.tcp.port")) {
      assertTrue(refusal.output.contains("  - " + key), key + " in:\n" + refusal.output);
    }
    assertFalse(refusal.output.contains("not-a-url"), "a value was shown");
    assertDataDirUntouched();
  }

  @Test
  void aStoreEmptiedSinceTheLastRunIsNotTakenAsANewInstall() throws Exception {
    Path db = Files.createFile(dataDir.resolve("gateway.db"));

    Refusal refusal = start(List.of());

    refusal.assertOneBlockWithoutStackTrace();
    assertTrue(refusal.output.contains(db + " is empty (0 bytes)"), refusal.output);
    assertTrue(refusal.output.contains("to start fresh on purpose, delete " + db), refusal.output);
    assertEquals(0, Files.size(db), "the empty store was left as it was, for whoever looks");
    assertEquals(List.of(db), files(), "nothing else was written");
  }

  @Test
  void aStoreANewerGatewayMigratedIsNotRunOn() throws Exception {
    Path db = dataDir.resolve("gateway.db");
    DataSource store = SqliteStores.migrated(db);
    String newer =
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success)"
            + " VALUES (6, '6', 'from the future', 'SQL', 'db/migration/V6__from_the_future.sql',"
            + " 1, '', 1, 1)";
    try (Connection connection = store.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(newer);
    }

    Refusal refusal = start(List.of());

    refusal.assertOneBlockWithoutStackTrace();
    assertTrue(
        refusal.output.contains(
            "the store "
                + db
                + " is refused: its schema is at version 6, newer than this"
                + " gateway's 5"),
        refusal.output);
    try (Connection connection = store.getConnection()) {
      assertEquals(
          List.of("1", "2", "3", "4", "5", "6"),
          readVersions(connection),
          "the newer schema was left as it was");
    }
  }

  private static List<String> readVersions(Connection connection) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT version FROM flyway_schema_history ORDER BY installed_rank")) {
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
    }
    return versions;
  }

  private void assertDataDirUntouched() throws IOException {
    assertEquals(List.of(), files(), "the data dir was written to");
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(dataDir)) {
      return files.filter(file -> !file.getFileName().toString().equals("out.log")).toList();
    }
  }

  private Refusal start(List<String> properties) throws Exception {
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(properties);
    command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
    Path log = dataDir.resolve("out.log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("GATEWAY_DATA_DIR", dataDir.toString());
    builder.environment().put("QUARKUS_HTTP_PORT", "0");
    Process gateway = builder.start();
    try {
      assertTrue(gateway.waitFor(60, TimeUnit.SECONDS), "the gateway did not stop by itself");
    } finally {
      gateway.destroyForcibly();
    }
    return new Refusal(gateway.exitValue(), Files.readString(log));
  }

  private record Refusal(int exitCode, String output) {
    void assertOneBlockWithoutStackTrace() {
      assertNotEquals(0, exitCode, output);
      assertTrue(output.contains("Ghost Gateway did not start."), output);
      assertFalse(output.contains("Caused by"), output);
      assertFalse(output.contains("\tat "), output);
      assertFalse(output.contains("Exception"), output);
    }
  }
}
