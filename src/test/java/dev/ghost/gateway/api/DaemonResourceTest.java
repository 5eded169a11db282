package dev.ghost.gateway.api;

import static dev.ghost.gateway.testsupport.Api.as;
import static dev.ghost.gateway.testsupport.Api.awaitState;
import static dev.ghost.gateway.testsupport.Api.heartbeat;
import static dev.ghost.gateway.testsupport.Api.uniqueDaemon;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ghost.gateway.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class DaemonResourceTest {

  @Test
  void aHeartbeatRegistersAnUnknownDaemonAsUp() {
    String daemon = uniqueDaemon("beat");

    as(Api.WRITE)
        .contentType(ContentType.JSON)
        .body("{\"ttl\": \"90s\", \"message\": \"ready\"}")
        .post("/api/v1/daemons/{name}/heartbeat", daemon)
        .then()
        .statusCode(202)
        .body("daemon", equalTo(daemon))
        .body("signal", equalTo("heartbeat"));

    awaitState(daemon, "up");
    assertEquals("heartbeat: ready", Api.status().getString("daemons.'" + daemon + "'.reason"));
  }

  @Test
  void aHeartbeatWithoutABodyUsesTheDefaultTtl() {
    String daemon = uniqueDaemon("nobody");
    as(Api.WRITE).post("/api/v1/daemons/{name}/heartbeat", daemon).then().statusCode(202);
    awaitState(daemon, "up");
  }

  @Test
  void aFailSignalIsDownAtOnceAndAHeartbeatRecovers() {
    String daemon = uniqueDaemon("fail");
    heartbeat(daemon, "{}");
    awaitState(daemon, "up");

    as(Api.WRITE)
        .contentType(ContentType.JSON)
        .body("{\"message\": \"out of memory\"}")
        .post("/api/v1/daemons/{name}/fail", daemon)
        .then()
        .statusCode(202);
    awaitState(daemon, "down");

    heartbeat(daemon, "{}");
    awaitState(daemon, "up");
  }

  @Test
  void aHeartbeatWhoseTtlRunsOutIsDownWithTheReason() {
    String daemon = uniqueDaemon("ttl");
    heartbeat(daemon, "{\"ttl\": \"1s\"}");
    awaitState(daemon, "up");

    awaitState(daemon, "down");
    assertTrue(
        Api.status().getString("daemons.'" + daemon + "'.reason").startsWith("no heartbeat for"));
  }

  static Stream<Arguments> badRequests() {
    String big = "{\"message\": \"" + "x".repeat(70 * 1024) + "\"}";
    return Stream.of(
        Arguments.of("name with a space", "bad name", ContentType.JSON, "{}", 400, "daemon name"),
        Arguments.of("name too long", "a".repeat(65), ContentType.JSON, "{}", 400, "daemon name"),
        Arguments.of(
            "invalid JSON", "ok-name", ContentType.JSON, "{\"ttl\": ", 400, "not valid JSON"),
        Arguments.of(
            "unknown field",
            "ok-name",
            ContentType.JSON,
            "{\"tll\": \"5s\"}",
            400,
            "unknown field \"tll\""),
        Arguments.of(
            "bad ttl", "ok-name", ContentType.JSON, "{\"ttl\": \"soon\"}", 400, "\"ttl\" must be"),
        Arguments.of(
            "ttl too long",
            "ok-name",
            ContentType.JSON,
            "{\"ttl\": \"30d\"}",
            400,
            "\"ttl\" must be"),
        Arguments.of(
            "wrong content type", "ok-name", ContentType.TEXT, "ttl=5s", 415, "application/json"),
        Arguments.of("body over 64 KiB", "ok-name", ContentType.JSON, big, 413, "limit is 65536"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badInputGetsAProblemThatSaysWhatToFix(
      String name, String daemon, ContentType type, String body, int status, String detail) {
    as(Api.WRITE)
        .contentType(type)
        .body(body)
        .post("/api/v1/daemons/{name}/heartbeat", daemon)
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status))
        .body("detail", containsString(detail))
        .body(not(containsString("Exception")))
        .body(not(containsString("at dev.ghost")));
  }

  static Stream<Arguments> wrongShapes() {
    String object = "the body must be a JSON object with the fields ";
    return Stream.of(
        Arguments.of("heartbeat", "null", object + "ttl, message, not null"),
        Arguments.of("fail", "null", object + "message, not null"),
        Arguments.of("heartbeat", "[1,2]", object + "ttl, message"),
        Arguments.of("heartbeat", "\"x\"", object + "ttl, message"),
        Arguments.of("fail", "\"x\"", object + "message"),
        Arguments.of("heartbeat", "1", object + "ttl, message"),
        Arguments.of("fail", "true", object + "message"),
        Arguments.of("fail", "{\"message\": {\"a\": 1}}", "\"message\" must be a string"),
        Arguments.of("fail", "{\"message\": 123}", "\"message\" must be a string"),
        Arguments.of("heartbeat", "{\"ttl\": 90}", "\"ttl\" must be a string"),
        Arguments.of("heartbeat", "{\"message\": false}", "\"message\" must be a string"));
  }

  @ParameterizedTest(name = "{0} with body {1}")
  @MethodSource("wrongShapes")
  void aBodyOfTheWrongShapeIsNamedInTheWordsOfTheApi(String signal, String body, String detail) {
    String daemon = uniqueDaemon("shape");
    as(Api.WRITE)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/daemons/{name}/" + signal, daemon)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", equalTo(detail))
        .body(not(containsString("java.")))
        .body(not(containsString("dev.ghost")));
    assertFalse(Api.status().getMap("daemons").containsKey(daemon));
  }

  @Test
  void aLongMessageIsKeptCutAndTheAnswerSaysSo() {
    String daemon = uniqueDaemon("long");
    as(Api.WRITE)
        .contentType(ContentType.JSON)
        .body("{\"message\": \"" + "m".repeat(600) + "\"}")
        .post("/api/v1/daemons/{name}/fail", daemon)
        .then()
        .statusCode(202)
        .body("warning", equalTo("message cut to its first 500 characters"));
    awaitState(daemon, "down");
    assertEquals(
        "fail signal: " + "m".repeat(500),
        Api.status().getString("daemons.'" + daemon + "'.reason"));
  }

  static Stream<Arguments> oversized() {
    return Stream.of(
        Arguments.of(
            "a body of 2 MiB", "body", 413, "the body is 2097152 bytes; the limit is 65536"),
        Arguments.of("40 KiB of headers", "header", 431, "the limit is 16384"),
        Arguments.of("a 5,000-character query", "query", 414, "the limit is 4096"));
  }

  /** Past the API's limits but within the server's: a problem+json, never a bare status. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("oversized")
  void anOversizedRequestGetsAProblemThatNamesTheLimit(
      String name, String what, int status, String detail) {
    var request = as(Api.WRITE).contentType(ContentType.JSON);
    String path = "/api/v1/daemons/oversized/heartbeat";
    switch (what) {
      case "body" -> request.body("{\"message\": \"" + "x".repeat(2 * 1024 * 1024 - 15) + "\"}");
      case "header" -> request.header("X-Padding", "p".repeat(40 * 1024));
      default -> path += "?pad=" + "q".repeat(5_000);
    }
    request
        .post(path)
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status))
        .body("detail", containsString(detail));
  }

  @Test
  void badInputChangesNothing() {
    String daemon = uniqueDaemon("untouched");
    as(Api.WRITE)
        .contentType(ContentType.JSON)
        .body("{\"ttl\": \"never\"}")
        .post("/api/v1/daemons/{name}/heartbeat", daemon)
        .then()
        .statusCode(400);

    assertFalse(Api.status().getMap("daemons").containsKey(daemon));
  }

  @Test
  void anUnknownPathIsAProblemToo() {
    as(Api.WRITE)
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"));
  }
}
