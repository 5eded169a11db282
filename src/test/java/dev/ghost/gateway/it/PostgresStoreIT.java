package dev.ghost.gateway.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same packaged jar on PostgreSQL: one setting (GATEWAY_STORE_URL) switches the store, the
 * migrations create the schema, events land in PostgreSQL and no SQLite file is made; a store that
 * cannot be reached stops the start with one line naming where it is, not the password.
 */
class PostgresStoreIT {

  private static final String WRITE = "it-write-token-0123456789";
  private static final String PASSWORD = "s3cretPgPassword4c2d";
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @TempDir Path dataDir;
  private EmbeddedPostgres postgres;
  private Process gateway;

  @AfterEach
  void stop() throws Exception {
    if (gateway != null && gateway.isAlive()) {
      gateway.destroy();
      gateway.waitFor(20, TimeUnit.SECONDS);
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void oneSettingRunsTheSameJarOnPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    int port = LocalHttp.freePort();
    Path log = dataDir.resolve("out.log");
    gateway = start(port, "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", log);
    LocalHttp.await(
        () -> LocalHttp.status(port, "/q/health/ready") == 200, MINUTE, "ready on PostgreSQL");

    LocalHttp.post(port, "/api/v1/daemons/pg-daemon/heartbeat", WRITE);
    LocalHttp.post(port, "/api/v1/daemons/pg-daemon/fail", WRITE);
    LocalHttp.await(() -> downEvents() == 1, MINUTE, "the down event is in PostgreSQL");

    assertFalse(Files.exists(dataDir.resolve("gateway.db")), "no SQLite store was made");
    assertTrue(Files.exists(dataDir.resolve("status.json")));
    assertFalse(Files.readString(log).contains(PASSWORD), "the password reached the log");
  }

  @Test
  void aStoreThatCannotBeReachedStopsTheStartNamingWhereNotThePassword() throws Exception {
    int closed = LocalHttp.freePort();
    Path log = dataDir.resolve("out.log");
    gateway = start(LocalHttp.freePort(), "jdbc:postgresql://127.0.0.1:" + closed + "/ghost", log);

    assertTrue(gateway.waitFor(60, TimeUnit.SECONDS), "the gateway did not stop by itself");
    String output = Files.readString(log);
    assertNotEquals(0, gateway.exitValue(), output);
    assertTrue(output.contains("Ghost Gateway did not start."), output);
    assertTrue(
        output.contains(
            "cannot open the store at jdbc:postgresql://127.0.0.1:" + closed + "/ghost"),
        output);
    assertFalse(output.contains(PASSWORD), output);
    assertFalse(output.contains("\tat "), output);
  }

  private long downEvents() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT COUNT(*) FROM events WHERE daemon = 'pg-daemon' AND kind = 'down'")) {
      rows.next();
      return rows.getLong(1);
    } catch (Exception notYet) {
      return -1;
    }
  }

  private Process start(int port, String storeUrl, Path log) throws IOException {
    return LocalHttp.launch(
        Map.of(
            "GATEWAY_DATA_DIR",
            dataDir.toString(),
            "GATEWAY_AUTH_TOKENS",
            "write:" + WRITE,
            "GATEWAY_STORE_URL",
            storeUrl,
            "GATEWAY_STORE_USERNAME",
            "postgres",
            "GATEWAY_STORE_PASSWORD",
            PASSWORD,
            "QUARKUS_HTTP_PORT",
            Integer.toString(port)),
        log);
  }
}
