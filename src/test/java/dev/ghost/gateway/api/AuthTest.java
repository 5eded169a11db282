package dev.ghost.gateway.api;

import static dev.ghost.gateway.testsupport.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ghost.gateway.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each scope against the write endpoints; reads are public in this profile. */
@QuarkusTest
class AuthTest {

  static Stream<Arguments> writers() {
    return Stream.of(
        Arguments.of("read token may not write", Api.READ, 403),
        Arguments.of("write token may write", Api.WRITE, 202),
        Arguments.of("admin token may write", Api.ADMIN, 202),
        Arguments.of("unknown token", "not-a-configured-token-at-all", 401));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writers")
  void writesNeedTheWriteScope(String name, String token, int status) {
    as(token)
        .post("/api/v1/daemons/{name}/heartbeat", Api.uniqueDaemon("auth"))
        .then()
        .statusCode(status);
  }

  @Test
  void aMissingTokenIsA401ProblemWithAChallenge() {
    given()
        .post("/api/v1/daemons/{name}/fail", "anyone")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", containsString("Bearer"))
        .body("detail", containsString("Authorization: Bearer"));
  }

  @Test
  void aWrongScopeIsA403ProblemThatNamesTheScopeNeeded() {
    as(Api.READ)
        .post("/api/v1/daemons/{name}/fail", "anyone")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403))
        .body("detail", containsString("scope write"));
  }

  @Test
  void readsArePublicByDefault() {
    given().get("/ghost/status.json").then().statusCode(200);
    given().get("/api/v1/events").then().statusCode(200);
  }
}
