package dev.ghost.gateway.api;

import static dev.ghost.gateway.testsupport.Api.awaitState;
import static dev.ghost.gateway.testsupport.Api.fail;
import static dev.ghost.gateway.testsupport.Api.heartbeat;
import static dev.ghost.gateway.testsupport.Api.uniqueDaemon;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class EventsResourceTest {

  @Test
  void everyChangeOfADaemonIsOneEventInOrder() {
    String daemon = uniqueDaemon("feed");
    heartbeat(daemon, "{}");
    awaitState(daemon, "up");
    fail(daemon);
    awaitState(daemon, "down");
    heartbeat(daemon, "{}");
    awaitState(daemon, "up");

    JsonPath page =
        given()
            .queryParam("daemon", daemon)
            .get("/api/v1/events")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertEquals(List.of("appeared", "down", "up"), page.getList("events.kind"));
    assertEquals(List.of("up", "down"), page.getList("events.from").subList(1, 3));
    assertTrue(page.getString("events[1].reason").startsWith("fail signal"));
    List<Long> seqs = page.getList("events.seq", Long.class);
    assertTrue(seqs.get(0) < seqs.get(1) && seqs.get(1) < seqs.get(2));
    assertEquals(seqs.get(2), page.getLong("next"));
  }

  @Test
  void pagesWithAfterAndLimit() {
    String daemon = uniqueDaemon("paged");
    heartbeat(daemon, "{}");
    awaitState(daemon, "up");
    fail(daemon);
    awaitState(daemon, "down");

    JsonPath first =
        given()
            .queryParam("daemon", daemon)
            .queryParam("limit", 1)
            .get("/api/v1/events")
            .jsonPath();
    JsonPath second =
        given()
            .queryParam("daemon", daemon)
            .queryParam("limit", 1)
            .queryParam("after", first.getLong("next"))
            .get("/api/v1/events")
            .jsonPath();
    JsonPath third =
        given()
            .queryParam("daemon", daemon)
            .queryParam("after", second.getLong("next"))
            .get("/api/v1/events")
            .jsonPath();

    assertEquals(List.of("appeared"), first.getList("events.kind"));
    assertEquals(List.of("down"), second.getList("events.kind"));
    assertEquals(List.of(), third.getList("events"));
    assertEquals(second.getLong("next"), third.getLong("next"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "limit, 0, '\"limit\" must be a whole number from 1 to 500'",
    "limit, 501, '\"limit\" must be a whole number from 1 to 500'",
    "limit, ten, '\"limit\" must be a whole number from 1 to 500'",
    "after, x, '\"after\" must be a whole number'",
    "after, -1, '\"after\" must be a whole number'",
    "daemon, 'not a name', 'daemon name'"
  })
  void badParametersGetAProblem(String param, String value, String detail) {
    given()
        .queryParam(param, value)
        .get("/api/v1/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("detail", containsString(detail));
  }
}
