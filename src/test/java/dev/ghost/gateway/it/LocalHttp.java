package dev.ghost.gateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What the tests of the packaged jar share: starting it, a free port, a signal POST, the pending
 * notifications, waiting for a condition.
 */
final class LocalHttp {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Answered while the admin API cannot be asked, so "none pending" is never mistaken. */
  static final Set<String> NOT_ANSWERED = Set.of("(no answer)");

  /**
   * Starts the packaged jar with {@code env} added to this process's, its output to {@code log}.
   */
  static Process launch(Map<String, String> env, Path log) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder("java", "-jar", "target/quarkus-app/quarkus-run.jar")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  /** Notification ids the outbox holds as pending, as the admin API tells them. */
  static Set<String> pendingIds(int port, String adminToken) {
    try {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/api/v1/deliveries?state=pending"))
                  .header("Authorization", "Bearer " + adminToken)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Set<String> ids = new HashSet<>();
      JSON.readTree(response.body())
          .forEach(entry -> ids.add(entry.get("notificationId").asText()));
      return ids;
    } catch (IOException | InterruptedException | RuntimeException e) {
      return NOT_ANSWERED;
    }
  }

  private LocalHttp() {}

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** POSTs a signal with {@code token} and expects it accepted (202). */
  static void post(int port, String path, String token) throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(202, response.statusCode(), response.body());
  }

  /** The status of a GET, or -1 while nothing answers. */
  static int status(int port, String path) {
    try {
      return CLIENT
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException | InterruptedException notYet) {
      return -1;
    }
  }

  static void await(BooleanSupplier condition, Duration within, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + within + ": " + what);
      }
      Thread.sleep(100);
    }
  }
}
