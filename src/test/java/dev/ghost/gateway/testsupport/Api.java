package dev.ghost.gateway.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/** The tokens of the test profile and the calls most tests make. */
public final class Api {

  public static final String READ = "test-read-token-0123456789";
  public static final String WRITE = "test-write-token-0123456789";
  public static final String ADMIN = "test-admin-token-0123456789";

  private Api() {}

  public static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  /** A daemon name no other test uses, so tests sharing one gateway do not see each other. */
  public static String uniqueDaemon(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static void heartbeat(String daemon, String body) {
    as(WRITE)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/daemons/{name}/heartbeat", daemon)
        .then()
        .statusCode(202);
  }

  public static void fail(String daemon) {
    as(WRITE).post("/api/v1/daemons/{name}/fail", daemon).then().statusCode(202);
  }

  public static JsonPath status() {
    return given().get("/ghost/status.json").then().statusCode(200).extract().jsonPath();
  }

  /** The daemon's state in the served status document, or null while it is not there. */
  public static String stateOf(String daemon) {
    return status().getString("daemons.'" + daemon + "'.state");
  }

  public static void awaitState(String daemon, String state) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> state.equals(stateOf(daemon)));
  }

  public static Path dataDir() {
    return Path.of(ConfigProvider.getConfig().getValue("gateway.data-dir", String.class));
  }
}
