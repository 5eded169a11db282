package dev.ghost.gateway.api;

import static dev.ghost.gateway.testsupport.Api.awaitState;
import static dev.ghost.gateway.testsupport.Api.heartbeat;
import static dev.ghost.gateway.testsupport.Api.uniqueDaemon;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghost.gateway.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatusJsonRouteTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void servesTheSeedFieldsAndTheAddedOnes() {
    String daemon = uniqueDaemon("seed");
    heartbeat(daemon, "{}");
    awaitState(daemon, "up");

    given()
        .get("/ghost/status.json")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .header("Cache-Control", "no-cache")
        .header("ETag", notNullValue())
        .body("schemaVersion", equalTo(1))
        .body("updatedAt", notNullValue())
        .body("host", notNullValue())
        .body("uptime", notNullValue())
        .body("summaryHeartbeat", notNullValue())
        .body("health", notNullValue())
        .body("counts.total", notNullValue())
        .body("daemons.'" + daemon + "'.alive", equalTo(true))
        .body("daemons.'" + daemon + "'.timestamp", notNullValue())
        .body("daemons.'" + daemon + "'.source", equalTo("heartbeat"))
        .body("registry.path", notNullValue())
        .body("system.pid", notNullValue())
        .body("logs", notNullValue());
  }

  @Test
  void answersNotModifiedToTheCurrentETagAndTheNewDocumentOnceItChanges() {
    Response first = given().get("/ghost/status.json");
    String etag = first.header("ETag");

    given()
        .header("If-None-Match", etag)
        .get("/ghost/status.json")
        .then()
        .statusCode(304)
        .header("ETag", etag);

    heartbeat(uniqueDaemon("etag"), "{}");
    Awaitility.await()
        .atMost(Duration.ofSeconds(3))
        .until(
            () ->
                given().header("If-None-Match", etag).get("/ghost/status.json").statusCode()
                    == 200);
  }

  @Test
  void allowsBrowsersFromAnyOrigin() {
    given()
        .header("Origin", "https://dashboard.example")
        .get("/ghost/status.json")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", notNullValue());
  }

  @Test
  void theFileOnDiskIsTheDocumentServed() throws Exception {
    String daemon = uniqueDaemon("file");
    heartbeat(daemon, "{}");
    awaitState(daemon, "up");

    Awaitility.await()
        .atMost(Duration.ofSeconds(3))
        .untilAsserted(
            () -> {
              byte[] served = given().get("/ghost/status.json").asByteArray();
              byte[] onDisk = Files.readAllBytes(Api.dataDir().resolve("status.json"));
              JsonNode file = JSON.readTree(onDisk);
              assertEquals(JSON.readTree(served).get("sequence"), file.get("sequence"));
              assertTrue(file.get("daemons").has(daemon));
            });
  }

  @Test
  void ticksOnTheScheduleWithoutAnySignal() {
    Instant first = Instant.parse(Api.status().getString("updatedAt"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(3))
        .until(() -> Instant.parse(Api.status().getString("updatedAt")).isAfter(first));
  }
}
