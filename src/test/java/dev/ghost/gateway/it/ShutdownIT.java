package dev.ghost.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the packaged gateway while notifications are pending (the receiver answers 503): it
 * stops within its drain time, writes a last status.json, and after a restart on the same data
 * directory every pending notification arrives exactly once. Runs with JSON logs, and checks that
 * no secret reaches them.
 */
class ShutdownIT {

  private static final String SECRET_PATH = "/relay/s3cretShutdownPath51c3";
  private static final String SIGNING_SECRET = "s3cretShutdownKey77e1";
  private static final String WRITE = "it-write-token-0123456789";
  private static final String ADMIN = "it-admin-token-0123456789";
  private static final int DAEMONS = 5;

  @TempDir Path dataDir;
  private final ObjectMapper json = new ObjectMapper();
  private WebhookReceiver receiver;
  private Process gateway;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = new WebhookReceiver(SECRET_PATH);
    receiver.answer(503);
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    if (gateway != null && gateway.isAlive()) {
      gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    receiver.close();
  }

  @Test
  void pendingNotificationsSurviveASigtermAndArriveOnceAfterTheRestart() throws Exception {
    int port = LocalHttp.freePort();
    Path firstLog = dataDir.resolve("first.log");
    gateway = start(port, firstLog);
    awaitReady(port);
    for (int i = 0; i < DAEMONS; i++) {
      post(port, "/api/v1/daemons/shut-" + i + "/heartbeat");
    }
    Thread.sleep(300);
    for (int i = 0; i < DAEMONS; i++) {
      post(port, "/api/v1/daemons/shut-" + i + "/fail");
    }
    // The start summary and five downs, waiting behind the first, which the receiver refuses.
    await(
        () -> LocalHttp.pendingIds(port, ADMIN).size() == DAEMONS + 1, "six notifications pending");
    await(() -> !receiver.attempts().isEmpty(), "the receiver refused one");
    Set<String> pending = LocalHttp.pendingIds(port, ADMIN);

    Instant terminated = Instant.now();
    gateway.destroy();
    assertTrue(gateway.waitFor(20, TimeUnit.SECONDS), "stopped within the drain time");
    Duration stopping = Duration.between(terminated, Instant.now());
    assertTrue(stopping.compareTo(Duration.ofSeconds(15)) < 0, "stopped in " + stopping);
    assertFalse(
        Files.getLastModifiedTime(dataDir.resolve("status.json")).toInstant().isBefore(terminated),
        "a last status.json was written on the way out");
    String logs = Files.readString(firstLog);
    assertTrue(logs.contains("left pending for the next start"), logs);
    assertJsonLinesWithoutSecrets(logs);

    receiver.answer(200);
    gateway = start(port, dataDir.resolve("second.log"));
    await(
        () -> receiver.delivered().keySet().containsAll(pending),
        "every pending notification arrived");
    Thread.sleep(2_000);
    pending.forEach(id -> assertEquals(1, receiver.deliveries(id), id + " arrived once"));
    assertJsonLinesWithoutSecrets(Files.readString(dataDir.resolve("second.log")));
  }

  private void assertJsonLinesWithoutSecrets(String logs) throws IOException {
    for (String line : logs.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode record = json.readTree(line);
      assertTrue(record.has("message"), line);
    }
    assertFalse(logs.contains("s3cret"), "a secret reached the logs");
  }

  private Process start(int port, Path log) throws IOException {
    return LocalHttp.launch(
        Map.of(
            "GATEWAY_DATA_DIR",
            dataDir.toString(),
            "GATEWAY_AUTH_TOKENS",
            "write:" + WRITE + ",admin:" + ADMIN,
            "GATEWAY_WEBHOOK_URL",
            receiver.url(),
            "GATEWAY_WEBHOOK_SECRET",
            SIGNING_SECRET,
            "GATEWAY_ALERT_GROUP_WINDOW",
            "0s",
            "GATEWAY_LOG_JSON",
            "true",
            "QUARKUS_HTTP_PORT",
            Integer.toString(port)),
        log);
  }

  private static void awaitReady(int port) throws InterruptedException {
    await(() -> LocalHttp.status(port, "/q/health/ready") == 200, "the gateway is ready");
  }

  private static void post(int port, String path) throws Exception {
    LocalHttp.post(port, path, WRITE);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    LocalHttp.await(condition, Duration.ofSeconds(30), what);
  }
}
