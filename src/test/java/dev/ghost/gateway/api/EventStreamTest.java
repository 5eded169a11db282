package dev.ghost.gateway.api;

import static dev.ghost.gateway.testsupport.Api.awaitState;
import static dev.ghost.gateway.testsupport.Api.fail;
import static dev.ghost.gateway.testsupport.Api.heartbeat;
import static dev.ghost.gateway.testsupport.Api.uniqueDaemon;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real SSE client over loopback: it disconnects, resumes with Last-Event-ID, and misses nothing.
 */
@QuarkusTest
class EventStreamTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/api/v1/events/stream")
  URI stream;

  /** One parsed SSE message, or a comment. */
  record Message(Long id, String event, String data, String comment) {}

  @Test
  void aClientThatReconnectsWithLastEventIdGetsEveryEventExactlyOnce() throws Exception {
    String daemon = uniqueDaemon("sse");
    long start = given().get("/api/v1/events?limit=1").jsonPath().getLong("next");
    long latest = latestSeq();

    List<Long> received = new ArrayList<>();
    long lastId;
    try (Connection first = connect(latest)) {
      heartbeat(daemon, "{}");
      awaitState(daemon, "up");
      fail(daemon);
      awaitState(daemon, "down");
      lastId = first.readUntil(daemon, 2, received);
    }

    // While no one listens: one more change.
    heartbeat(daemon, "{}");
    awaitState(daemon, "up");

    try (Connection second = connect(lastId)) {
      second.readUntil(daemon, 1, received);
    }

    List<Long> logged =
        given()
            .queryParam("daemon", daemon)
            .queryParam("after", start)
            .get("/api/v1/events")
            .jsonPath()
            .getList("events.seq", Long.class);
    assertEquals(logged, received, "every event of the daemon, each once, in order");
    assertEquals(3, received.size());
  }

  @Test
  void anIdleStreamGetsHeartbeatComments() throws Exception {
    try (Connection idle = connect(latestSeq() + 1_000_000)) {
      Message message = idle.next(Duration.ofSeconds(5));
      while (message.comment() != null && !message.comment().contains("heartbeat")) {
        message = idle.next(Duration.ofSeconds(5));
      }
      assertTrue(message.comment().contains("heartbeat"));
    }
  }

  @Test
  void aBadLastEventIdIsA400Problem() {
    given()
        .header("Last-Event-ID", "yesterday")
        .get("/api/v1/events/stream")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private long latestSeq() {
    long next = 0;
    while (true) {
      long page =
          given()
              .queryParam("after", next)
              .queryParam("limit", 500)
              .get("/api/v1/events")
              .jsonPath()
              .getLong("next");
      if (page == next) {
        return next;
      }
      next = page;
    }
  }

  private Connection connect(long lastEventId) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(stream)
            .header("Last-Event-ID", Long.toString(lastEventId))
            .GET()
            .build();
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    return new Connection(response.body());
  }

  /** Reads messages on its own thread, so a test can wait for one with a timeout. */
  private static final class Connection implements AutoCloseable {
    private final InputStream body;
    private final BlockingQueue<Message> messages = new ArrayBlockingQueue<>(10_000);
    private final Thread reader;

    Connection(InputStream body) {
      this.body = body;
      this.reader = new Thread(this::read, "sse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
        Long id = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.isEmpty()) {
            if (data.length() > 0) {
              messages.add(new Message(id, event, data.toString(), null));
            }
            id = null;
            event = null;
            data.setLength(0);
          } else if (line.startsWith(":")) {
            messages.add(new Message(null, null, null, line.substring(1).strip()));
          } else if (line.startsWith("id: ")) {
            id = Long.parseLong(line.substring(4));
          } else if (line.startsWith("event: ")) {
            event = line.substring(7);
          } else if (line.startsWith("data: ")) {
            data.append(line.substring(6));
          }
        }
      } catch (Exception closed) {
        // The test closed the stream.
      }
    }

    Message next(Duration timeout) throws InterruptedException {
      Message message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (message == null) {
        throw new AssertionError("no message within " + timeout);
      }
      return message;
    }

    /** Collects the ids of {@code count} events of {@code daemon}; returns the last id seen. */
    long readUntil(String daemon, int count, List<Long> into) throws Exception {
      int found = 0;
      long lastId = -1;
      while (found < count) {
        Message message = next(Duration.ofSeconds(5));
        if (message.id() == null) {
          continue;
        }
        assertEquals("transition", message.event());
        assertTrue(message.id() > lastId, "ids go up");
        lastId = message.id();
        JsonNode event = JSON.readTree(message.data());
        assertEquals(message.id().longValue(), event.get("seq").asLong());
        if (event.get("daemon").asText().equals(daemon)) {
          into.add(message.id());
          found++;
        }
      }
      return lastId;
    }

    @Override
    public void close() throws Exception {
      body.close();
      reader.interrupt();
    }
  }
}
