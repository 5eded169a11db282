package dev.ghost.gateway.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ghost.gateway.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No configured token appears in anything the gateway shows or writes. */
@QuarkusTest
class NoSecretLeakTest {

  private static final List<String> SECRETS = List.of(Api.READ, Api.WRITE, Api.ADMIN);

  @Test
  void tokensAppearInNoAnswerNoFileAndNoLogLine() throws Exception {
    Api.heartbeat(Api.uniqueDaemon("leak"), "{}");
    StringBuilder seen = new StringBuilder();
    seen.append(given().get("/ghost/status.json").asString());
    seen.append(given().get("/api/v1/events").asString());
    seen.append(Api.as(Api.READ).post("/api/v1/daemons/x/fail").asString());
    seen.append(Api.as(Api.WRITE + "x").post("/api/v1/daemons/x/fail").asString());
    seen.append(
        Api.as(Api.WRITE)
            .contentType("application/json")
            .body("{")
            .post("/api/v1/daemons/x/fail")
            .asString());
    seen.append(given().get("/q/health/ready").asString());
    seen.append(given().get("/q/metrics").asString());
    seen.append(Files.readString(Api.dataDir().resolve("status.json")));
    seen.append(Files.readString(Api.dataDir().resolve("gateway.log")));

    for (String secret : SECRETS) {
      assertFalse(seen.toString().contains(secret), "a token leaked");
    }
  }
}
