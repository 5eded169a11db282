package dev.ghost.gateway.api;

import static dev.ghost.gateway.testsupport.Api.awaitState;
import static dev.ghost.gateway.testsupport.Api.fail;
import static dev.ghost.gateway.testsupport.Api.heartbeat;
import static dev.ghost.gateway.testsupport.Api.uniqueDaemon;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgentApiTest {

  @Test
  void statusNamesWhatIsDownAndWhy() {
    String daemon = uniqueDaemon("agent");
    heartbeat(daemon, "{}");
    awaitState(daemon, "up");
    dev.ghost.gateway.testsupport.Api.as(dev.ghost.gateway.testsupport.Api.WRITE)
        .contentType("application/json")
        .body("{\"message\": \"disk full\"}")
        .post("/api/v1/daemons/{name}/fail", daemon)
        .then()
        .statusCode(202);
    awaitState(daemon, "down");

    JsonPath status =
        given()
            .get("/api/v1/status")
            .then()
            .statusCode(200)
            .body("indicator", notNullValue())
            .body("summary.length()", lessThanOrEqualTo(300))
            .body("summary", containsString(daemon))
            .body("stale", equalTo(false))
            .body("counts.down", notNullValue())
            .body("truncated", equalTo(false))
            .extract()
            .jsonPath();
    List<String> down = status.getList("down.name");
    assertTrue(down.contains(daemon));
    assertEquals(
        "fail signal: disk full",
        status.getString("down.find { it.name == '" + daemon + "' }.reason"));
  }

  @Test
  void oneDaemonWithItsTransitionsAndAvailability() {
    String daemon = uniqueDaemon("detail");
    heartbeat(daemon, "{}");
    awaitState(daemon, "up");
    fail(daemon);
    awaitState(daemon, "down");

    given()
        .get("/api/v1/daemons/{name}", daemon)
        .then()
        .statusCode(200)
        .body("name", equalTo(daemon))
        .body("state", equalTo("down"))
        .body("source", equalTo("heartbeat"))
        .body("reason", equalTo("fail signal"))
        .body("transitions.kind", equalTo(List.of("appeared", "down")))
        .body("availability24h", notNullValue())
        .body("availability7d", notNullValue());
  }

  @Test
  void anUnknownDaemonIsA404Problem() {
    given()
        .get("/api/v1/daemons/{name}", "nobody-by-this-name")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("no daemon named \"nobody-by-this-name\""));
  }

  @Test
  void aBadNameIsA400Problem() {
    given()
        .get("/api/v1/daemons/{name}", "no such name!")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
